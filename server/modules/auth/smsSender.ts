import { maskPhone } from '../../../src/domain/identity'

/** Delivers sign-in codes by text message. */
export interface SmsSender {
  readonly name: string
  sendCode(phone: string, code: string, validMinutes: number): Promise<void>
}

export class SmsDeliveryError extends Error {}

/**
 * DEVELOPMENT PROVIDER: sends nothing. It prints the code to the server console so a developer (or the demo) can
 * sign in without an SMS gateway. It writes to the console directly, not to the structured log, which never holds
 * codes.
 */
export class ConsoleSmsSender implements SmsSender {
  readonly name = 'log (development: codes printed to the console, no SMS sent)'

  constructor(private readonly print: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {}

  async sendCode(phone: string, code: string, validMinutes: number): Promise<void> {
    this.print(`[DEV SMS PROVIDER, not delivered] sign-in code for ${maskPhone(phone)}: ${code} (valid ${validMinutes} min)`)
  }
}

export interface HttpSmsSettings {
  apiBase: string
  apiKey: string | null
  timeoutMs: number
}

/**
 * A real gateway behind a configurable URL: `POST {apiBase}/messages` with
 * `{to, template: "sign_in_code", params: {code, minutes}}` and a bearer key. Any answer but 2xx is a failure.
 */
export class HttpSmsSender implements SmsSender {
  readonly name: string

  constructor(private readonly settings: HttpSmsSettings) {
    this.name = `http (${new URL(settings.apiBase).host})`
  }

  async sendCode(phone: string, code: string, validMinutes: number): Promise<void> {
    let response: Response
    try {
      response = await fetch(`${this.settings.apiBase}/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.settings.apiKey ? { authorization: `Bearer ${this.settings.apiKey}` } : {}),
        },
        body: JSON.stringify({ to: phone, template: 'sign_in_code', params: { code, minutes: validMinutes } }),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      })
    } catch (error) {
      throw new SmsDeliveryError(error instanceof Error && error.name === 'TimeoutError' ? 'gateway timed out' : 'gateway unreachable')
    }
    // The body is drained so the connection can be reused; it is not logged (it may echo the number).
    await response.arrayBuffer().catch(() => undefined)
    if (!response.ok) throw new SmsDeliveryError(`gateway answered HTTP ${response.status}`)
  }
}

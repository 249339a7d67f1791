import { maskPhone } from '../../../src/domain/identity'

/** A reminder by text message (issue 11): the gateway's template is the notice kind. */
export interface SmsNotice {
  to: string
  template: string
  /** Short values for the gateway's approved template (hall, number, status, tip…). */
  params: Record<string, string>
  /** The whole message, for gateways that send free text. */
  text: string
  /** The outbox dedup key: the gateway drops a second message with the same key. */
  idempotencyKey: string
}

/** Delivers sign-in codes by text message. */
export interface SmsSender {
  readonly name: string
  sendCode(phone: string, code: string, validMinutes: number): Promise<void>
}

/** Delivers reminders by text message; both providers below do sign-in codes and reminders. */
export interface SmsNoticeSender {
  readonly name: string
  sendNotice(notice: SmsNotice): Promise<void>
}

export class SmsDeliveryError extends Error {
  constructor(
    message: string,
    /** The gateway refused this message for good (4xx): sending it again would fail the same way. */
    readonly permanent = false,
  ) {
    super(message)
  }
}

/**
 * DEVELOPMENT PROVIDER: sends nothing. It prints the code to the server console so a developer (or the demo) can
 * sign in without an SMS gateway. It writes to the console directly, not to the structured log, which never holds
 * codes.
 */
export class ConsoleSmsSender implements SmsSender, SmsNoticeSender {
  readonly name = 'log (development: codes printed to the console, no SMS sent)'

  constructor(private readonly print: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {}

  async sendCode(phone: string, code: string, validMinutes: number): Promise<void> {
    this.print(`[DEV SMS PROVIDER, not delivered] sign-in code for ${maskPhone(phone)}: ${code} (valid ${validMinutes} min)`)
  }

  async sendNotice(notice: SmsNotice): Promise<void> {
    this.print(`[DEV SMS PROVIDER, not delivered] ${notice.template} for ${maskPhone(notice.to)} (${notice.idempotencyKey}): ${notice.text}`)
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
 * Reminders go the same way as `{to, template: <notice kind>, params, text}` with an `Idempotency-Key` header.
 */
export class HttpSmsSender implements SmsSender, SmsNoticeSender {
  readonly name: string

  constructor(private readonly settings: HttpSmsSettings) {
    this.name = `http (${new URL(settings.apiBase).host})`
  }

  async sendCode(phone: string, code: string, validMinutes: number): Promise<void> {
    await this.post({ to: phone, template: 'sign_in_code', params: { code, minutes: validMinutes } }, {})
  }

  async sendNotice(notice: SmsNotice): Promise<void> {
    const { to, template, params, text, idempotencyKey } = notice
    await this.post({ to, template, params, text }, { 'idempotency-key': idempotencyKey })
  }

  private async post(body: object, headers: Record<string, string>): Promise<void> {
    let response: Response
    try {
      response = await fetch(`${this.settings.apiBase}/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.settings.apiKey ? { authorization: `Bearer ${this.settings.apiKey}` } : {}),
          ...headers,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      })
    } catch (error) {
      throw new SmsDeliveryError(error instanceof Error && error.name === 'TimeoutError' ? 'gateway timed out' : 'gateway unreachable')
    }
    // The body is drained so the connection can be reused; it is not logged (it may echo the number).
    await response.arrayBuffer().catch(() => undefined)
    if (!response.ok) {
      const permanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429
      throw new SmsDeliveryError(`gateway answered HTTP ${response.status}`, permanent)
    }
  }
}

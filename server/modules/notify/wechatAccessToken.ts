// The mini-program's server-side access token, which every WeChat message API call carries.
//
// It comes from the stable_token endpoint rather than /cgi-bin/token: /cgi-bin/token hands out a new token on every
// call and invalidates the previous one (after a short overlap), so two API nodes — or a staging server sharing the
// AppID — would keep knocking each other's tokens out. stable_token returns the same token to every caller until it
// expires, and a forced refresh is reserved for a token WeChat has rejected.

export interface AccessTokenSettings {
  apiBase: string
  appId: string
  secret: string
  timeoutMs: number
  /** Fetch a new token this long before the current one expires. */
  refreshEarlyMs?: number
  /** Milliseconds since the epoch; tests move it by hand. */
  now?: () => number
}

/** WeChat answered that the token is not (or no longer) valid: fetch another and try once more. */
export const TOKEN_ERRORS: ReadonlySet<number> = new Set([40001, 42001, 40014])

export class AccessTokenError extends Error {
  constructor(
    message: string,
    /** The token endpoint's errcode, when it gave one; 40013/40125 mean the AppID or secret is wrong. */
    readonly errcode: number | null = null,
  ) {
    super(message)
    this.name = 'AccessTokenError'
  }
}

interface CachedToken {
  token: string
  /** When to stop using it (already moved earlier by refreshEarlyMs). */
  renewAt: number
}

const DEFAULT_REFRESH_EARLY_MS = 5 * 60 * 1000

export class WechatAccessToken {
  private cached: CachedToken | null = null
  private inFlight: Promise<string> | null = null
  private readonly now: () => number
  private readonly refreshEarlyMs: number

  constructor(private readonly settings: AccessTokenSettings) {
    this.now = settings.now ?? Date.now
    this.refreshEarlyMs = settings.refreshEarlyMs ?? DEFAULT_REFRESH_EARLY_MS
  }

  /** A valid token; concurrent callers during a fetch share that one request. */
  async get(): Promise<string> {
    if (this.cached && this.now() < this.cached.renewAt) return this.cached.token
    return this.fetchShared(false)
  }

  /** Forget `token` after WeChat rejected it; a token fetched since then is kept. */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = null
  }

  /**
   * Runs a WeChat API call with a token. When WeChat says the token is invalid or expired, fetches a fresh one
   * (forcing a refresh if the endpoint hands back the very token that was rejected) and runs the call once more.
   */
  async call<T extends { errcode?: number }>(request: (token: string) => Promise<T>): Promise<T> {
    const token = await this.get()
    const first = await request(token)
    if (!TOKEN_ERRORS.has(first.errcode ?? 0)) return first
    this.invalidate(token)
    let fresh = await this.fetchShared(false)
    if (fresh === token) {
      this.invalidate(fresh)
      fresh = await this.fetchShared(true)
    }
    const second = await request(fresh)
    if (TOKEN_ERRORS.has(second.errcode ?? 0)) this.invalidate(fresh)
    return second
  }

  private fetchShared(force: boolean): Promise<string> {
    if (!this.inFlight) {
      this.inFlight = this.fetchToken(force).finally(() => {
        this.inFlight = null
      })
    }
    return this.inFlight
  }

  private async fetchToken(forceRefresh: boolean): Promise<string> {
    const startedAt = this.now()
    let body: { access_token?: unknown; expires_in?: unknown; errcode?: unknown; errmsg?: unknown }
    try {
      const response = await fetch(`${this.settings.apiBase}/cgi-bin/stable_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credential',
          appid: this.settings.appId,
          secret: this.settings.secret,
          force_refresh: forceRefresh,
        }),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      })
      if (!response.ok) {
        await response.arrayBuffer().catch(() => undefined)
        throw new AccessTokenError(`token endpoint answered HTTP ${response.status}`)
      }
      body = (await response.json()) as typeof body
    } catch (error) {
      if (error instanceof AccessTokenError) throw error
      throw new AccessTokenError(error instanceof Error && error.name === 'TimeoutError' ? 'token endpoint timed out' : 'token endpoint unreachable')
    }
    const errcode = typeof body.errcode === 'number' ? body.errcode : 0
    if (errcode !== 0 || typeof body.access_token !== 'string' || body.access_token === '') {
      // errmsg is WeChat's own text and never holds the secret; it helps an operator fix a wrong AppID.
      throw new AccessTokenError(`token endpoint refused: errcode ${errcode} ${typeof body.errmsg === 'string' ? body.errmsg : ''}`.trim(), errcode)
    }
    const expiresInMs = (typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 7200) * 1000
    // Counted from when the request started, so a slow answer cannot make the token look younger than it is.
    const renewAt = startedAt + Math.max(expiresInMs - this.refreshEarlyMs, expiresInMs / 2)
    this.cached = { token: body.access_token, renewAt }
    return body.access_token
  }
}

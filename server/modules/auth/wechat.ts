import { AppError } from '../../errors'

export interface WechatSettings {
  apiBase: string
  appId: string
  secret: string
  timeoutMs: number
}

export interface WechatIdentity {
  openid: string
  unionid: string | null
}

/** code2session answers that mean "this code is no good", as opposed to WeChat being unavailable. */
const BAD_CODE_ERRORS = new Set([40029, 40163, 40226])

export function wechatUnavailable(retryAfterS = 10): AppError {
  return new AppError(503, 'WECHAT_UNAVAILABLE', undefined, { 'Retry-After': String(retryAfterS) })
}

/**
 * The mini-program login exchange (auth.code2Session): a one-time code from wx.login becomes the user's openid.
 * The session_key it also returns is not kept: Banshi does not decrypt WeChat's user data.
 */
export class WechatClient {
  constructor(private readonly settings: WechatSettings) {}

  async code2session(code: string): Promise<WechatIdentity> {
    const url = new URL(`${this.settings.apiBase}/sns/jscode2session`)
    url.search = new URLSearchParams({
      appid: this.settings.appId,
      secret: this.settings.secret,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString()
    let body: { openid?: unknown; unionid?: unknown; errcode?: unknown }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(this.settings.timeoutMs) })
      if (!response.ok) throw new Error(`code2session HTTP ${response.status}`)
      body = (await response.json()) as typeof body
    } catch {
      throw wechatUnavailable()
    }
    const errcode = typeof body.errcode === 'number' ? body.errcode : 0
    if (errcode !== 0) {
      if (BAD_CODE_ERRORS.has(errcode)) throw new AppError(400, 'CODE_INVALID')
      throw wechatUnavailable()
    }
    if (typeof body.openid !== 'string' || body.openid === '') throw wechatUnavailable()
    return { openid: body.openid, unionid: typeof body.unionid === 'string' ? body.unionid : null }
  }
}

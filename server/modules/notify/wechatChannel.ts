// WeChat subscribe messages (订阅消息). One tap on 允许 in the mini-program is one grant for one message of one
// template; WeChat offers no way to read the count back, so notification_grants counts them and each send uses one.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { Clock } from '../../clock'
import { templateOfNotice, wechatGrantsKept, type WechatTemplateKey } from '../../../src/domain/notices'
import type { Delivery, NotificationChannel, SendOutcome } from './types'
import { AccessTokenError, TOKEN_ERRORS, type WechatAccessToken } from './wechatAccessToken'

export type MiniprogramState = 'formal' | 'trial' | 'developer'

export interface WechatChannelSettings {
  apiBase: string
  timeoutMs: number
  /** Template ids from the WeChat console; null: that template is not configured and the channel skips it. */
  templates: Record<WechatTemplateKey, string | null>
  /** Which build of the mini-program a tap opens. */
  miniprogramState: MiniprogramState
}

/** The user refused, or has no grant left for this template. */
const NO_GRANT = 43101
/** Throttled, or WeChat busy: nothing was sent. */
const NOT_SENT_TRY_LATER: ReadonlySet<number> = new Set([45009, -1])
/** The openid does not belong to this mini-program (or the account is gone). */
const BAD_OPENID: ReadonlySet<number> = new Set([40003])

type Answer = { errcode?: number; errmsg?: string; httpStatus?: number }

/** How the HTTP exchange ended, so the grant can be given back only when WeChat surely did not send. */
class SendFailure extends Error {
  constructor(
    readonly reason: string,
    /** True when the request surely never reached WeChat (connection refused), false when it may have. */
    readonly surelyNotSent: boolean,
  ) {
    super(reason)
  }
}

export class WechatChannel implements NotificationChannel {
  readonly name = 'wechat' as const
  readonly idempotentResend = false

  constructor(
    private readonly db: Kysely<Database>,
    private readonly token: WechatAccessToken,
    private readonly settings: WechatChannelSettings,
    private readonly clock: Clock,
  ) {}

  templateId(template: WechatTemplateKey): string | null {
    return this.settings.templates[template]
  }

  async canReach(delivery: Delivery): Promise<boolean> {
    const { userId, openid } = delivery.recipient
    const template = templateOfNotice[delivery.notice.kind]
    if (!userId || !openid || !this.templateId(template)) return false
    const row = await this.db
      .selectFrom('notification_grants')
      .select('remaining')
      .where('user_id', '=', userId)
      .where('template', '=', template)
      .executeTakeFirst()
    return (row?.remaining ?? 0) > wechatGrantsKept(delivery.notice.kind)
  }

  async send(delivery: Delivery): Promise<SendOutcome> {
    const { userId, openid } = delivery.recipient
    const template = templateOfNotice[delivery.notice.kind]
    const templateId = this.templateId(template)
    if (!templateId) return { outcome: 'unavailable', reason: `no WeChat template configured for ${template}` }
    if (!userId || !openid) return { outcome: 'unavailable', reason: 'no openid' }
    if (!(await this.takeGrant(userId, template, wechatGrantsKept(delivery.notice.kind)))) return { outcome: 'unavailable', reason: 'no grant left' }

    let answer: Answer
    try {
      answer = await this.token.call((accessToken) => this.post(accessToken, openid, templateId, delivery))
    } catch (error) {
      if (error instanceof AccessTokenError) {
        await this.giveGrantBack(userId, template)
        return { outcome: 'retry', reason: `access token: ${error.message}` }
      }
      if (error instanceof SendFailure) {
        if (error.surelyNotSent) await this.giveGrantBack(userId, template)
        return { outcome: 'retry', reason: error.reason }
      }
      throw error
    }

    if (answer.httpStatus !== undefined) {
      // A 5xx may come from a proxy after WeChat already sent: keep the grant spent.
      return { outcome: 'retry', reason: `HTTP ${answer.httpStatus}` }
    }
    const errcode = answer.errcode ?? 0
    if (errcode === 0) return { outcome: 'sent' }
    const reason = `errcode ${errcode}${answer.errmsg ? ` ${answer.errmsg}` : ''}`
    if (errcode === NO_GRANT) {
      await this.clearGrants(userId, template)
      return { outcome: 'unavailable', reason }
    }
    // Every other errcode is an answer that WeChat did not send: the grant is still good for the next message.
    await this.giveGrantBack(userId, template)
    if (NOT_SENT_TRY_LATER.has(errcode) || TOKEN_ERRORS.has(errcode)) return { outcome: 'retry', reason }
    if (BAD_OPENID.has(errcode)) return { outcome: 'unavailable', reason }
    // 47003 (the data does not fit the template) and anything unknown: the same message would fail the same way.
    return { outcome: 'rejected', reason }
  }

  private async post(accessToken: string, openid: string, templateId: string, delivery: Delivery): Promise<Answer> {
    const { notice } = delivery
    let response: Response
    try {
      response = await fetch(`${this.settings.apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(accessToken)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          touser: openid,
          template_id: templateId,
          page: notice.path,
          data: notice.wechatData,
          miniprogram_state: this.settings.miniprogramState,
          lang: notice.locale === 'en' ? 'en_US' : 'zh_CN',
        }),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      })
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') throw new SendFailure('WeChat timed out', false)
      throw new SendFailure('WeChat unreachable', isRefused(error))
    }
    if (!response.ok) {
      await response.arrayBuffer().catch(() => undefined)
      return { httpStatus: response.status }
    }
    try {
      const body = (await response.json()) as { errcode?: unknown; errmsg?: unknown }
      return { errcode: typeof body.errcode === 'number' ? body.errcode : 0, errmsg: typeof body.errmsg === 'string' ? body.errmsg : undefined }
    } catch {
      throw new SendFailure('WeChat answered something that is not JSON', false)
    }
  }

  /**
   * Uses one grant, or answers false when no more than `kept` are left; a conditional UPDATE so two sends cannot
   * share one.
   */
  private async takeGrant(userId: string, template: WechatTemplateKey, kept: number): Promise<boolean> {
    const result = await this.db
      .updateTable('notification_grants')
      .set((eb) => ({ remaining: eb('remaining', '-', 1), updated_at: this.clock.now().toISOString() }))
      .where('user_id', '=', userId)
      .where('template', '=', template)
      .where('remaining', '>', kept)
      .executeTakeFirst()
    return Number(result.numUpdatedRows) === 1
  }

  private async giveGrantBack(userId: string, template: WechatTemplateKey): Promise<void> {
    await this.db
      .updateTable('notification_grants')
      .set((eb) => ({ remaining: eb('remaining', '+', 1), updated_at: this.clock.now().toISOString() }))
      .where('user_id', '=', userId)
      .where('template', '=', template)
      .execute()
  }

  private async clearGrants(userId: string, template: WechatTemplateKey): Promise<void> {
    await this.db
      .updateTable('notification_grants')
      .set({ remaining: 0, updated_at: this.clock.now().toISOString() })
      .where('user_id', '=', userId)
      .where('template', '=', template)
      .execute()
  }
}

function isRefused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | null)?.cause
  return cause?.code === 'ECONNREFUSED'
}

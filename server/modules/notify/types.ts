import type { ChannelName, NoticeKind, NoticeParams, WechatTemplateKey } from '../../../src/domain/notices'

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dropped' | 'failed' | 'uncertain'

/** One message to enqueue. `dedupKey` names the event (e.g. `queue_called:<ticketId>:<callCount>`). */
export interface NoticeInput {
  dedupKey: string
  kind: NoticeKind
  /** The account to reach; null for a person known only by phone (grid-submitted application). */
  userId: string | null
  /** Plain phone number for people without an account; sealed before it is stored. */
  phone?: string | null
  params: NoticeParams
  /** When the message stops being worth sending (ISO). */
  expiresAt?: string | null
  /** Not before this moment (ISO), e.g. "appointment tomorrow" at 18:00 the day before. */
  notBefore?: string | null
}

/** A message written out in the recipient's language, ready for any channel. */
export interface RenderedNotice {
  kind: NoticeKind
  locale: 'zh-CN' | 'en'
  title: string
  body: string
  /** Mini-program page path with query (no leading slash), e.g. `pages/ticket/index?id=t1`. */
  path: string
  /** WeChat subscribe-message fields for this kind's template, each already within its field limit. */
  wechatTemplate: WechatTemplateKey
  wechatData: Record<string, { value: string }>
}

/** Who the message goes to, as far as the channels need to know. */
export interface Recipient {
  userId: string | null
  openid: string | null
  phone: string | null
}

export interface Delivery {
  /** The outbox row id and its dedup key: channels that can pass an idempotency key to the receiver pass this. */
  id: string
  dedupKey: string
  recipient: Recipient
  notice: RenderedNotice
}

export type SendOutcome =
  | { outcome: 'sent' }
  /** Try again later (network, throttling, 5xx); `retryAfterMs` when the receiver said how long. */
  | { outcome: 'retry'; reason: string; retryAfterMs?: number }
  /** This channel cannot reach the person any more (no grant left, subscription gone): try the next channel. */
  | { outcome: 'unavailable'; reason: string }
  /** The receiver refused the message for good (bad payload): never retried. */
  | { outcome: 'rejected'; reason: string }

export interface NotificationChannel {
  readonly name: ChannelName
  /**
   * True when the receiver drops a repeat of the same dedup key (SMS gateway idempotency key, Web Push Topic +
   * notification tag), so a send whose outcome was never recorded can safely be sent again after a crash.
   * WeChat's send API has no such key: an unconfirmed WeChat send is marked `uncertain`, never repeated.
   */
  readonly idempotentResend: boolean
  /** Whether this channel could reach the recipient for this notice right now (consent, subscription, phone). */
  canReach(delivery: Delivery): Promise<boolean>
  send(delivery: Delivery): Promise<SendOutcome>
}

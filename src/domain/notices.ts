// Reminders outside the app (issue 11): what can be sent, which WeChat subscribe-message template carries it, and
// which ones may wake someone at night. Data only; the words are in noticeText, the delivery on the server.

export const NOTICE_KINDS = [
  'queue_near', // 排号提醒: 3 people ahead
  'queue_called', // 叫号: please go to window N
  'appointment_tomorrow',
  'appointment_soon', // one hour before the start
  'appointment_cancelled', // the hall closed the day (or cancelled the slot)
  'waitlist_offer', // a place opened for someone on the waitlist; held for a limited time
  'application_supplement', // 补正: materials needed
  'application_decided', // a decision was made
  'application_ready', // 办结: result ready for pickup / delivery
] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]

/** WeChat subscribe-message templates Banshi uses; a mini-program may ask for at most 3 in one call. */
export const WECHAT_TEMPLATE_KEYS = ['queue', 'appointment', 'application'] as const
export type WechatTemplateKey = (typeof WECHAT_TEMPLATE_KEYS)[number]

export const templateOfNotice: Record<NoticeKind, WechatTemplateKey> = {
  queue_near: 'queue',
  queue_called: 'queue',
  appointment_tomorrow: 'appointment',
  appointment_soon: 'appointment',
  appointment_cancelled: 'appointment',
  waitlist_offer: 'appointment',
  application_supplement: 'application',
  application_decided: 'application',
  application_ready: 'application',
}

/**
 * WeChat grants a kind leaves untouched: each tap on 允许 allows one message, and "called" matters more than
 * "3 ahead", so "3 ahead" goes by WeChat only while a grant would still be left for the call.
 */
const WECHAT_GRANTS_KEPT: Partial<Record<NoticeKind, number>> = { queue_near: 1 }

export const wechatGrantsKept = (kind: NoticeKind): number => WECHAT_GRANTS_KEPT[kind] ?? 0

/** Urgent messages go out at any hour; the rest wait for the end of quiet hours. */
export const URGENT_NOTICES: ReadonlySet<NoticeKind> = new Set<NoticeKind>(['queue_near', 'queue_called', 'appointment_soon', 'waitlist_offer'])

/** Quiet hours in Asia/Shanghai: non-urgent messages created in [22:00, 08:00) wait until 08:00. */
export const QUIET_HOURS = { startHour: 22, endHour: 8 } as const

export const CHANNEL_NAMES = ['wechat', 'webpush', 'sms'] as const
export type ChannelName = (typeof CHANNEL_NAMES)[number]

/**
 * The facts a message is written from, stored with the outbox row (JSON). Every message names its hall or item so
 * it makes sense on a lock screen; `path` is the app page it opens (mini-program page path with query).
 */
export interface NoticeParams {
  path: string
  hallName?: string
  itemName?: string
  ticketNumber?: string
  window?: string
  ahead?: number
  /** ISO time of the appointment start, or of when a held waitlist place expires. */
  at?: string
  appointmentCode?: string
  applicationNo?: string
  /** For supplement requests: which materials (names). */
  materials?: string[]
  /** For decisions: approved | rejected. */
  outcome?: string
  reason?: string
}

// The channels the outbox worker tries, in order: WeChat (in the mini-program, free), Web Push (the installed H5
// app, free), SMS (costs money; the fallback for people with neither).
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { Clock } from '../../clock'
import type { Config } from '../../config'
import { WECHAT_TEMPLATE_KEYS, type NoticeKind, type NoticeParams } from '../../../src/domain/notices'
import { renderNotice, type NoticeLocale } from '../../../src/domain/noticeText'
import { smsSenderFor } from '../auth/settings'
import type { SmsNoticeSender } from '../auth/smsSender'
import type { NotificationChannel, RenderedNotice } from './types'
import type { VapidKeys } from './vapidKeys'
import { WechatAccessToken } from './wechatAccessToken'
import { WechatChannel } from './wechatChannel'
import { WebPushChannel } from './webPushChannel'
import { SmsChannel } from './smsChannel'

/** The words for a delivery; typed here so the compiler keeps the domain's NoticeText in step with RenderedNotice. */
export const renderForDelivery: (kind: NoticeKind, params: NoticeParams, locale: NoticeLocale) => RenderedNotice = renderNotice

export interface ChannelDeps {
  db: Kysely<Database>
  clock: Clock
  /** From loadVapidKeys; null: Web Push off. */
  vapid: VapidKeys | null
  /** The SMS provider; by default the one configured for sign-in codes (SMS_PROVIDER). */
  sms?: SmsNoticeSender | null
}

/** WeChat reminders need the AppID, the secret and at least one template id. */
export function wechatConfigured(config: Config): boolean {
  return Boolean(config.wechat.appId && config.wechat.secret && WECHAT_TEMPLATE_KEYS.some((key) => config.notify.wechatTemplates[key]))
}

export function buildChannels(config: Config, deps: ChannelDeps): NotificationChannel[] {
  const channels: NotificationChannel[] = []
  const { apiBase, appId, secret, timeoutMs } = config.wechat
  if (wechatConfigured(config) && appId && secret) {
    const token = new WechatAccessToken({ apiBase, appId, secret, timeoutMs })
    const settings = { apiBase, timeoutMs, templates: config.notify.wechatTemplates, miniprogramState: config.notify.miniprogramState }
    channels.push(new WechatChannel(deps.db, token, settings, deps.clock))
  }
  if (deps.vapid) channels.push(new WebPushChannel(deps.db, { vapid: deps.vapid, timeoutMs: config.notify.pushTimeoutMs }, deps.clock))
  const sms = deps.sms === undefined ? smsSenderFor(config) : deps.sms
  if (sms) channels.push(new SmsChannel(deps.db, sms, config.notify.linkBase))
  return channels
}

/** One line for the start-up banner: which channels are on, and why the others are off. */
export function describeChannels(config: Config, vapidOrigin: string | null): string {
  const templates = WECHAT_TEMPLATE_KEYS.filter((key) => config.notify.wechatTemplates[key])
  const wechat = wechatConfigured(config)
    ? `WeChat on (${templates.join(', ')})`
    : `WeChat off (${config.wechat.appId && config.wechat.secret ? 'WECHAT_TEMPLATE_* not set' : 'WECHAT_APPID/WECHAT_SECRET not set'})`
  const push = vapidOrigin ? `Web Push on (keys: ${vapidOrigin})` : 'Web Push off (BANSHI_VAPID_* not set)'
  const sms = config.sms.provider === 'none' ? 'SMS off (SMS_PROVIDER)' : `SMS ${config.sms.provider === 'log' ? 'printed to this console (development)' : 'on'}`
  return `${wechat}; ${push}; ${sms}`
}

// What a person agreed to receive, and where: WeChat grants from wx.requestSubscribeMessage, this browser's push
// subscription, and their own switches. Every answer is the NotificationStatus the settings screen shows.
import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { Clock } from '../../clock'
import { AppError } from '../../errors'
import { WECHAT_TEMPLATE_KEYS } from '../../../src/domain/notices'
import type {
  NotificationGrantsBody,
  NotificationSettings,
  NotificationSettingsPatch,
  NotificationStatus,
  PushSubscriptionBody,
} from '../../../src/domain/contract'
import * as repo from './consentRepo'

export interface ConsentDeps {
  db: Kysely<Database>
  clock: Clock
}

/** Browsers kept per person; subscribing one more drops the one unused the longest. */
export const MAX_PUSH_SUBSCRIPTIONS = 10

export async function status(deps: ConsentDeps, userId: string): Promise<NotificationStatus> {
  const [settings, grants, webpush, phone] = await Promise.all([
    currentSettings(deps, userId),
    repo.grantsOf(deps.db, userId),
    repo.countSubscriptions(deps.db, userId),
    repo.hasPhone(deps.db, userId),
  ])
  const left = (template: string) => grants.find((g) => g.template === template)?.remaining ?? 0
  return {
    settings,
    channels: {
      wechat: { queue: left('queue'), appointment: left('appointment'), application: left('application') },
      webpush,
      sms: phone && settings.sms,
    },
  }
}

async function currentSettings(deps: ConsentDeps, userId: string): Promise<NotificationSettings> {
  const row = await repo.settingsOf(deps.db, userId)
  return { enabled: row ? row.enabled !== 0 : true, sms: row ? row.sms !== 0 : true, locale: row?.locale === 'en' ? 'en' : 'zh-CN' }
}

export async function recordGrants(deps: ConsentDeps, userId: string, body: NotificationGrantsBody): Promise<NotificationStatus> {
  const now = deps.clock.now().toISOString()
  for (const { template, result } of body.grants) {
    if (!WECHAT_TEMPLATE_KEYS.includes(template)) continue
    if (result === 'accept') await repo.addGrant(deps.db, userId, template, now)
    else await repo.clearGrants(deps.db, userId, template, now)
  }
  return status(deps, userId)
}

export async function updateSettings(deps: ConsentDeps, userId: string, patch: NotificationSettingsPatch): Promise<NotificationStatus> {
  const merged = { ...(await currentSettings(deps, userId)), ...patch }
  await repo.saveSettings(deps.db, userId, { enabled: merged.enabled ? 1 : 0, sms: merged.sms ? 1 : 0, locale: merged.locale }, deps.clock.now().toISOString())
  return status(deps, userId)
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

function badSubscription(field: string, issue: string): AppError {
  return new AppError(400, 'INVALID_PUSH_SUBSCRIPTION', { fields: [{ field, issue }] })
}

/** The endpoint is a URL this server will POST to: only https, so a subscription cannot aim it at the intranet. */
function checkEndpoint(endpoint: string, allowLocalHttp: boolean): void {
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    throw badSubscription('body.endpoint', 'must be a URL')
  }
  if (url.protocol === 'https:' && !LOCAL_HOSTS.has(url.hostname)) return
  if (allowLocalHttp && (url.protocol === 'http:' || url.protocol === 'https:') && LOCAL_HOSTS.has(url.hostname)) return
  throw badSubscription('body.endpoint', 'must be an https URL of a push service')
}

function checkKeys(keys: PushSubscriptionBody['keys']): void {
  const p256dh = Buffer.from(keys.p256dh, 'base64url')
  // An uncompressed P-256 point: the payload cannot be encrypted to anything else.
  if (p256dh.length !== 65 || p256dh[0] !== 4) throw badSubscription('body.keys.p256dh', 'must be a P-256 public key (65 bytes, base64url)')
  if (Buffer.from(keys.auth, 'base64url').length !== 16) throw badSubscription('body.keys.auth', 'must be 16 bytes, base64url')
}

export function endpointHash(endpoint: string): string {
  return crypto.createHash('sha256').update(endpoint).digest('hex')
}

export async function subscribe(deps: ConsentDeps, userId: string, body: PushSubscriptionBody, allowLocalHttp: boolean): Promise<NotificationStatus> {
  checkEndpoint(body.endpoint, allowLocalHttp)
  checkKeys(body.keys)
  await repo.saveSubscription(deps.db, {
    id: crypto.randomUUID(),
    userId,
    endpoint: body.endpoint,
    endpointHash: endpointHash(body.endpoint),
    p256dh: body.keys.p256dh,
    auth: body.keys.auth,
    now: deps.clock.now().toISOString(),
  })
  await repo.trimSubscriptions(deps.db, userId, MAX_PUSH_SUBSCRIPTIONS)
  return status(deps, userId)
}

export async function unsubscribe(deps: ConsentDeps, userId: string, endpoint: string): Promise<void> {
  await repo.deleteSubscription(deps.db, userId, endpointHash(endpoint))
}

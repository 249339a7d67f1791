// Web Push to the installed H5 app. The web-push library encrypts the payload (aes128gcm) and signs the VAPID
// header; the request itself goes out through fetch, so it has the same timeout handling as every other client here
// and a development push service may listen on plain http://127.0.0.1.
import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import webpush from 'web-push'
import type { Database } from '../../db/schema'
import type { Clock } from '../../clock'
import { URGENT_NOTICES, type NoticeKind } from '../../../src/domain/notices'
import type { Delivery, NotificationChannel, SendOutcome } from './types'
import type { VapidKeys } from './vapidKeys'

export interface WebPushSettings {
  vapid: VapidKeys
  timeoutMs: number
}

/** How long a push service keeps trying to reach an offline browser: past this the message is no use. */
const TTL_SECONDS: Record<NoticeKind, number> = {
  queue_near: 15 * 60,
  queue_called: 15 * 60,
  appointment_soon: 60 * 60,
  waitlist_offer: 30 * 60,
  appointment_tomorrow: 12 * 60 * 60,
  appointment_cancelled: 24 * 60 * 60,
  application_supplement: 24 * 60 * 60,
  application_decided: 24 * 60 * 60,
  application_ready: 24 * 60 * 60,
}

/** What the service worker reads from the push event (the client's sw shows it and opens `url` on tap). */
export interface PushPayload {
  title: string
  body: string
  url: string
  tag: string
}

/**
 * The Topic header: a push service keeps one pending message per topic, so a resend of the same event replaces
 * the first instead of arriving twice. At most 32 URL-safe characters; the dedup key may be longer or hold `:`.
 */
export function pushTopic(dedupKey: string): string {
  return crypto.createHash('sha256').update(dedupKey).digest('base64url').slice(0, 32)
}

type PerSubscription = { result: 'delivered' } | { result: 'gone' } | { result: 'retry'; reason: string; retryAfterMs?: number } | { result: 'rejected'; reason: string }

export class WebPushChannel implements NotificationChannel {
  readonly name = 'webpush' as const
  readonly idempotentResend = true

  constructor(
    private readonly db: Kysely<Database>,
    private readonly settings: WebPushSettings,
    private readonly clock: Clock,
  ) {}

  async canReach(delivery: Delivery): Promise<boolean> {
    const { userId } = delivery.recipient
    if (!userId) return false
    const row = await this.db.selectFrom('push_subscriptions').select('id').where('user_id', '=', userId).executeTakeFirst()
    return row !== undefined
  }

  async send(delivery: Delivery): Promise<SendOutcome> {
    const { userId } = delivery.recipient
    if (!userId) return { outcome: 'unavailable', reason: 'no account' }
    const subscriptions = await this.db.selectFrom('push_subscriptions').select(['id', 'endpoint', 'p256dh', 'auth']).where('user_id', '=', userId).execute()
    if (subscriptions.length === 0) return { outcome: 'unavailable', reason: 'no push subscription' }

    const { notice, dedupKey } = delivery
    const payload: PushPayload = { title: notice.title, body: notice.body, url: `/${notice.path}`, tag: dedupKey }
    const body = JSON.stringify(payload)
    const results = await Promise.all(subscriptions.map((subscription) => this.sendOne(subscription, body, delivery)))

    const delivered = subscriptions.filter((_, i) => results[i].result === 'delivered').map((s) => s.id)
    const gone = subscriptions.filter((_, i) => results[i].result === 'gone').map((s) => s.id)
    if (gone.length > 0) await this.db.deleteFrom('push_subscriptions').where('id', 'in', gone).execute()
    if (delivered.length > 0) {
      await this.db.updateTable('push_subscriptions').set({ last_used_at: this.clock.now().toISOString() }).where('id', 'in', delivered).execute()
      return { outcome: 'sent' }
    }
    const retries = results.filter((r): r is Extract<PerSubscription, { result: 'retry' }> => r.result === 'retry')
    if (retries.length > 0) {
      const waits = retries.map((r) => r.retryAfterMs).filter((ms): ms is number => ms !== undefined)
      return { outcome: 'retry', reason: retries[0].reason, ...(waits.length ? { retryAfterMs: Math.max(...waits) } : {}) }
    }
    if (gone.length === subscriptions.length) return { outcome: 'unavailable', reason: 'every push subscription expired' }
    const rejected = results.find((r): r is Extract<PerSubscription, { result: 'rejected' }> => r.result === 'rejected')
    // Some subscriptions gone and the rest refusing: nothing this channel can do for this person now.
    return gone.length > 0 ? { outcome: 'unavailable', reason: rejected?.reason ?? 'no subscription accepted' } : { outcome: 'rejected', reason: rejected?.reason ?? 'refused' }
  }

  private async sendOne(subscription: { endpoint: string; p256dh: string; auth: string }, body: string, delivery: Delivery): Promise<PerSubscription> {
    let request: ReturnType<typeof webpush.generateRequestDetails>
    try {
      request = webpush.generateRequestDetails({ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } }, body, {
        vapidDetails: this.settings.vapid,
        TTL: TTL_SECONDS[delivery.notice.kind],
        urgency: URGENT_NOTICES.has(delivery.notice.kind) ? 'high' : 'normal',
        topic: pushTopic(delivery.dedupKey),
        contentEncoding: 'aes128gcm',
      })
    } catch {
      // The browser's keys cannot be used (corrupt subscription): it can never receive anything.
      return { result: 'gone' }
    }
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(request.headers)) {
      // fetch sets the length itself from the body.
      if (name.toLowerCase() !== 'content-length') headers[name] = String(value)
    }
    let response: Response
    try {
      response = await fetch(request.endpoint, {
        method: 'POST',
        headers,
        body: request.body ? new Uint8Array(request.body) : undefined,
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      })
    } catch (error) {
      return { result: 'retry', reason: error instanceof Error && error.name === 'TimeoutError' ? 'push service timed out' : 'push service unreachable' }
    }
    await response.arrayBuffer().catch(() => undefined)
    if (response.status >= 200 && response.status < 300) return { result: 'delivered' }
    if (response.status === 404 || response.status === 410) return { result: 'gone' }
    if (response.status === 429 || response.status >= 500) {
      return { result: 'retry', reason: `push service answered HTTP ${response.status}`, ...retryAfter(response.headers.get('retry-after')) }
    }
    return { result: 'rejected', reason: `push service answered HTTP ${response.status}` }
  }
}

function retryAfter(header: string | null): { retryAfterMs?: number } {
  if (!header) return {}
  const seconds = Number(header)
  if (Number.isFinite(seconds) && seconds >= 0) return { retryAfterMs: seconds * 1000 }
  const at = Date.parse(header)
  return Number.isNaN(at) ? {} : { retryAfterMs: Math.max(0, at - Date.now()) }
}

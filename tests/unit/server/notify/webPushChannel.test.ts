import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import webpush from 'web-push'
import { ConfigError } from '../../../../server/config'
import { pushTopic, WebPushChannel } from '../../../../server/modules/notify/webPushChannel'
import { loadVapidKeys, VAPID_FILE, type VapidKeys } from '../../../../server/modules/notify/vapidKeys'
import { startFakePushService, type FakePushService } from '../../../api/support/fakePushService'
import type { TestDatabase } from '../../../api/support/testApp'
import type { ManualClock } from '../../../../server/clock'
import { addUser, channelTestDatabase, deliveryFor } from './support'

let push: FakePushService
let database: TestDatabase
let clock: ManualClock
const vapid: VapidKeys = { ...webpush.generateVAPIDKeys(), subject: 'mailto:ops@banshi.invalid' }

function channel(): WebPushChannel {
  return new WebPushChannel(database.db, { vapid, timeoutMs: 2000 }, clock)
}

async function subscribe(userId: string, id: string): Promise<void> {
  const subscription = push.newSubscription(id)
  await database.db
    .insertInto('push_subscriptions')
    .values({ id, user_id: userId, endpoint: subscription.endpoint, endpoint_hash: id, p256dh: subscription.keys.p256dh, auth: subscription.keys.auth, created_at: clock.now().toISOString() })
    .execute()
}

async function subscriptionIds(userId: string): Promise<string[]> {
  const rows = await database.db.selectFrom('push_subscriptions').select('id').where('user_id', '=', userId).orderBy('id').execute()
  return rows.map((r) => r.id)
}

beforeEach(async () => {
  push = await startFakePushService()
  ;({ database, clock } = await channelTestDatabase())
  await addUser(database, 'u1')
})

afterEach(async () => {
  await push.close()
  await database.dispose()
})

describe('Web Push channel', () => {
  it('sends a VAPID-signed, aes128gcm-encrypted message with TTL, Urgency and a Topic from the dedup key', async () => {
    await subscribe('u1', 'phone')
    const outcome = await channel().send(deliveryFor({ userId: 'u1' }, 'queue_called', 'queue_called:ticket-42:1'))
    expect(outcome).toEqual({ outcome: 'sent' })
    expect(push.requests).toHaveLength(1)
    const [request] = push.requests
    expect(request.vapidValid).toBe(true)
    expect(request.vapidKey).toBe(vapid.publicKey)
    expect(request.headers['content-encoding']).toBe('aes128gcm')
    expect(Number(request.headers.ttl)).toBe(900)
    expect(request.headers.urgency).toBe('high')
    expect(request.headers.topic).toBe(pushTopic('queue_called:ticket-42:1'))
    expect(request.bodyBytes).toBeGreaterThan(0)
  })

  it('marks non-urgent reminders as normal urgency with a longer TTL', async () => {
    await subscribe('u1', 'phone')
    await channel().send(deliveryFor({ userId: 'u1' }, 'application_ready', 'application_ready:a1'))
    expect(push.requests[0].headers.urgency).toBe('normal')
    expect(Number(push.requests[0].headers.ttl)).toBe(24 * 3600)
  })

  it('gives the same event the same topic, within 32 URL-safe characters', () => {
    const long = `queue_near:${'x'.repeat(150)}`
    expect(pushTopic(long)).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(pushTopic(long)).toBe(pushTopic(long))
    expect(pushTopic('a:1')).not.toBe(pushTopic('a:2'))
  })

  it('sends to every browser of the person and succeeds when any one receives it', async () => {
    await subscribe('u1', 'laptop')
    await subscribe('u1', 'phone')
    push.statusFor.set('laptop', 500)
    expect(await channel().send(deliveryFor({ userId: 'u1' }))).toEqual({ outcome: 'sent' })
    expect(push.requests.map((r) => r.subscriptionId).sort()).toEqual(['laptop', 'phone'])
  })

  it('deletes a subscription the push service says is gone (410, 404), and is unavailable when none is left', async () => {
    await subscribe('u1', 'old')
    await subscribe('u1', 'older')
    push.statusFor.set('old', 410)
    push.statusFor.set('older', 404)
    expect(await channel().canReach(deliveryFor({ userId: 'u1' }))).toBe(true)
    expect((await channel().send(deliveryFor({ userId: 'u1' }))).outcome).toBe('unavailable')
    expect(await subscriptionIds('u1')).toEqual([])
    expect(await channel().canReach(deliveryFor({ userId: 'u1' }))).toBe(false)
  })

  it('keeps the working subscription when another one is gone', async () => {
    await subscribe('u1', 'gone')
    await subscribe('u1', 'live')
    push.statusFor.set('gone', 410)
    expect((await channel().send(deliveryFor({ userId: 'u1' }))).outcome).toBe('sent')
    expect(await subscriptionIds('u1')).toEqual(['live'])
  })

  it('answers retry on 429 with the wait the push service asked for, and on 5xx', async () => {
    await subscribe('u1', 'phone')
    push.statusFor.set('phone', 429)
    push.retryAfterS = 45
    expect(await channel().send(deliveryFor({ userId: 'u1' }))).toMatchObject({ outcome: 'retry', retryAfterMs: 45_000 })
    push.statusFor.set('phone', 503)
    expect((await channel().send(deliveryFor({ userId: 'u1' }))).outcome).toBe('retry')
    expect(await subscriptionIds('u1')).toEqual(['phone'])
  })

  it('cannot reach a person without an account or a subscription', async () => {
    expect(await channel().canReach(deliveryFor({ userId: 'u1' }))).toBe(false)
    expect(await channel().canReach(deliveryFor({ userId: null, phone: '13600000001' }))).toBe(false)
    expect((await channel().send(deliveryFor({ userId: 'u1' }))).outcome).toBe('unavailable')
  })

  it('is safe to resend: the Topic and the notification tag dedupe a repeat', () => {
    expect(channel().idempotentResend).toBe(true)
  })
})

describe('VAPID keys', () => {
  let dataDir: string
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-vapid-'))
  })
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  const none = { publicKey: null, privateKey: null, subject: null }

  it('generates a pair once into the data directory in demo mode, readable by the owner only, and reuses it', () => {
    const first = loadVapidKeys({ ...none, dataDir, allowGenerated: true })!
    expect(first.origin).toContain('(generated)')
    expect(fs.statSync(path.join(dataDir, VAPID_FILE)).mode & 0o777).toBe(0o600)
    const second = loadVapidKeys({ ...none, dataDir, allowGenerated: true })!
    expect(second.keys.publicKey).toBe(first.keys.publicKey)
    expect(second.keys.privateKey).toBe(first.keys.privateKey)
  })

  it('is off outside demo mode when no keys are given', () => {
    expect(loadVapidKeys({ ...none, dataDir, allowGenerated: false })).toBeNull()
    expect(fs.existsSync(path.join(dataDir, VAPID_FILE))).toBe(false)
  })

  it('takes keys from the environment, and refuses half a pair or bad keys', () => {
    const keys = webpush.generateVAPIDKeys()
    expect(loadVapidKeys({ ...keys, subject: 'mailto:ops@example.org', dataDir, allowGenerated: false })?.keys.publicKey).toBe(keys.publicKey)
    expect(() => loadVapidKeys({ ...none, publicKey: keys.publicKey, dataDir, allowGenerated: false })).toThrow(ConfigError)
    expect(() => loadVapidKeys({ ...keys, subject: null, dataDir, allowGenerated: false })).toThrow(ConfigError)
    expect(() => loadVapidKeys({ publicKey: 'short', privateKey: keys.privateKey, subject: 'mailto:ops@example.org', dataDir, allowGenerated: false })).toThrow(ConfigError)
  })
})

import { ManualClock } from '../../server/clock'
import { migrateToLatest } from '../../server/db/connect'
import { ephemeralAuthSettings } from '../../server/modules/auth/settings'
import { enqueueNotice } from '../../server/modules/notify/outbox'
import { findByDedupKey, type OutboxRow } from '../../server/modules/notify/outboxRepo'
import { OutboxWorker, retryDelayMs, type OutboxWorkerOptions } from '../../server/modules/notify/worker'
import { startNotifications } from '../../server/modules/notify/start'
import type { Delivery, NoticeInput, NotificationChannel, SendOutcome } from '../../server/modules/notify/types'
import { dialects, openTestDatabase, postgresSkipReason, type TestDatabase } from './support/testApp'
import {
  plainRender,
  quietLog,
  ReceiverChannel,
  recipientOfRow,
  startFakeNoticeReceiver,
  type FakeNoticeReceiver,
} from './support/fakeNoticeReceiver'

if (postgresSkipReason) console.info(postgresSkipReason)

const NOON = '2026-12-02T12:00:00+08:00'
const LEASE_MS = 60_000

const notice = (dedupKey: string, overrides: Partial<NoticeInput> = {}): NoticeInput => ({
  dedupKey,
  kind: 'application_ready',
  userId: 'u1',
  params: { path: 'packages/apply/detail/index?no=X' },
  ...overrides,
})

/** Passes everything to `inner`, but after the receiver has answered never returns: the process "died" there. */
class DiesAfterSend implements NotificationChannel {
  readonly name
  readonly idempotentResend
  constructor(private readonly inner: NotificationChannel) {
    this.name = inner.name
    this.idempotentResend = inner.idempotentResend
  }
  canReach(delivery: Delivery) {
    return this.inner.canReach(delivery)
  }
  async send(delivery: Delivery): Promise<SendOutcome> {
    await this.inner.send(delivery)
    return new Promise<SendOutcome>(() => undefined)
  }
}

/** Dies after leasing, before deciding on a channel: nothing was sent. */
class DiesBeforeSend extends DiesAfterSend {
  canReach(): Promise<boolean> {
    return new Promise<boolean>(() => undefined)
  }
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error(`gave up waiting for ${what}`)
}

describe.each(dialects)('notification outbox on %s', (dialect) => {
  let database: TestDatabase
  let receiver: FakeNoticeReceiver
  let clock: ManualClock
  let run = 0
  const cipher = ephemeralAuthSettings().cipher
  const key = (name: string) => `${name}:${run}`

  beforeAll(async () => {
    database = await openTestDatabase(dialect)
    await migrateToLatest(database.db)
    receiver = await startFakeNoticeReceiver()
  }, 60_000)
  afterAll(async () => {
    await receiver.close()
    await database.dispose()
  })
  beforeEach(async () => {
    run += 1
    // Each test starts with an empty outbox a day later, so leases and due times of earlier tests never interfere.
    await database.db.deleteFrom('notification_outbox').execute()
    await database.db.deleteFrom('notification_settings').execute()
    clock = new ManualClock(new Date(Date.parse(NOON) + run * 24 * 3600_000))
    receiver.script.length = 0
  })

  const db = () => database.db
  const enqueue = (input: NoticeInput) => enqueueNotice(db(), clock.now(), input, cipher)
  const row = async (dedupKey: string) => (await findByDedupKey(db(), dedupKey))!
  const workerWith = (channels: NotificationChannel[], options: OutboxWorkerOptions = {}) =>
    new OutboxWorker({ db: db(), clock, log: quietLog, channels, render: plainRender, recipientOf: recipientOfRow }, { leaseMs: LEASE_MS, ...options })
  const sms = (idempotent = true) => new ReceiverChannel('sms', receiver.url, idempotent)

  describe('enqueue', () => {
    it('writes nothing when the change that caused it rolls back', async () => {
      await expect(
        db()
          .transaction()
          .execute(async (trx) => {
            await enqueueNotice(trx, clock.now(), notice(key('rollback')))
            throw new Error('the change failed')
          }),
      ).rejects.toThrow('the change failed')
      expect(await findByDedupKey(db(), key('rollback'))).toBeUndefined()
    })

    it('keeps one row for a repeated event and tells the second caller it was not first', async () => {
      expect(await enqueue(notice(key('twice')))).toBe(true)
      expect(await enqueue(notice(key('twice'), { params: { path: 'other' } }))).toBe(false)
      const rows = await db().selectFrom('notification_outbox').select(['params']).where('dedup_key', '=', key('twice')).execute()
      expect(rows).toHaveLength(1)
      expect(JSON.parse(rows[0].params).path).toBe('packages/apply/detail/index?no=X')
    })

    it('holds a non-urgent message created at night until 08:00, and sends an urgent one at once', async () => {
      const night = new Date(clock.now().getTime() + 11 * 3600_000) // 23:00 in Shanghai
      await enqueueNotice(db(), night, notice(key('ready')))
      await enqueueNotice(db(), night, notice(key('called'), { kind: 'queue_called' }))
      const morning = new Date(night.getTime() + 9 * 3600_000).toISOString()
      expect((await row(key('ready'))).next_attempt_at).toBe(morning)
      expect((await row(key('called'))).next_attempt_at).toBe(night.toISOString())
      expect((await row(key('called'))).urgent).toBe(1)
    })

    it('waits for notBefore, seals a phone and stores the language the person chose', async () => {
      await db().insertInto('notification_settings').values({ user_id: 'u-en', enabled: 1, sms: 1, locale: 'en', updated_at: clock.now().toISOString() }).execute()
      const later = new Date(clock.now().getTime() + 3 * 3600_000).toISOString()
      await enqueue(notice(key('later'), { userId: 'u-en', notBefore: later }))
      await enqueue(notice(key('phone'), { userId: null, phone: '13800138000' }))
      expect((await row(key('later'))).next_attempt_at).toBe(later)
      expect((await row(key('later'))).locale).toBe('en')
      const sealed = (await row(key('phone'))).phone_enc!
      expect(sealed).not.toContain('13800138000')
      expect(cipher.open('phone', sealed)).toBe('13800138000')
    })
  })

  describe('worker', () => {
    it('sends due messages once and leaves the ones not yet due', async () => {
      await enqueue(notice(key('now')))
      await enqueue(notice(key('later'), { notBefore: new Date(clock.now().getTime() + 3600_000).toISOString() }))
      const worker = workerWith([sms()])
      expect(await worker.runOnce()).toMatchObject({ sent: 1 })
      expect(await worker.runOnce()).toMatchObject({ leased: 0 })
      expect(receiver.deliveriesOf(key('now'))).toBe(1)
      expect(receiver.deliveriesOf(key('later'))).toBe(0)
      expect(await row(key('now'))).toMatchObject({ status: 'sent', channel: 'sms', sent_at: clock.now().toISOString(), lease_owner: null })
      clock.advance(3600_000)
      await worker.runOnce()
      expect(receiver.deliveriesOf(key('later'))).toBe(1)
    })

    it('writes in the language the person uses when it is sent, Chinese when they never chose', async () => {
      await enqueue(notice(key('switched'), { userId: 'u-switch' }))
      await enqueue(notice(key('default'), { userId: 'u-none' }))
      await db().insertInto('notification_settings').values({ user_id: 'u-switch', enabled: 1, sms: 1, locale: 'en', updated_at: clock.now().toISOString() }).execute()
      await workerWith([sms()]).runOnce()
      const titleOf = (dedupKey: string) => receiver.delivered.find((d) => d.key === dedupKey)?.title
      expect(titleOf(key('switched'))).toBe('application_ready:en')
      expect(titleOf(key('default'))).toBe('application_ready:zh-CN')
    })

    it('drops a message past its expiry and one whose person switched reminders off', async () => {
      await enqueue(notice(key('stale'), { expiresAt: new Date(clock.now().getTime() + 60_000).toISOString() }))
      await enqueue(notice(key('off'), { userId: 'u-off' }))
      await db().insertInto('notification_settings').values({ user_id: 'u-off', enabled: 0, sms: 1, locale: null, updated_at: clock.now().toISOString() }).execute()
      clock.advance(120_000)
      expect(await workerWith([sms()]).runOnce()).toMatchObject({ dropped: 2, sent: 0 })
      expect(await row(key('stale'))).toMatchObject({ status: 'dropped', last_error: 'expired' })
      expect(await row(key('off'))).toMatchObject({ status: 'dropped', last_error: 'consent withdrawn' })
      expect(receiver.deliveriesOf(key('stale')) + receiver.deliveriesOf(key('off'))).toBe(0)
    })

    it('retries after the receiver is busy, waiting at least as long as it asked, then sends', async () => {
      await enqueue(notice(key('busy')))
      receiver.script.push({ status: 503, retryAfterSeconds: 600 })
      const worker = workerWith([sms()])
      expect(await worker.runOnce()).toMatchObject({ retried: 1 })
      const waiting = await row(key('busy'))
      expect(waiting).toMatchObject({ status: 'pending', attempts: 1, last_error: 'HTTP 503' })
      expect(Date.parse(waiting.next_attempt_at) - clock.now().getTime()).toBeGreaterThanOrEqual(600_000)
      clock.advance(599_000)
      expect(await worker.runOnce()).toMatchObject({ leased: 0 })
      clock.advance(Date.parse(waiting.next_attempt_at) - clock.now().getTime())
      expect(await worker.runOnce()).toMatchObject({ sent: 1 })
      expect(receiver.deliveriesOf(key('busy'))).toBe(1)
    })

    it('waits longer after each failure and gives up after the last attempt', async () => {
      expect(retryDelayMs(1, () => 0.5)).toBeLessThan(retryDelayMs(2, () => 0.5))
      expect(retryDelayMs(2, () => 0.5)).toBeLessThan(retryDelayMs(3, () => 0.5))
      await enqueue(notice(key('down')))
      receiver.script.push({ status: 500 }, { status: 500 }, { status: 500 })
      const worker = workerWith([sms()], { maxAttempts: 3 })
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        await worker.runOnce()
        clock.advance(3600_000)
      }
      expect(await row(key('down'))).toMatchObject({ status: 'failed', attempts: 3 })
      expect(await worker.runOnce()).toMatchObject({ leased: 0 })
      expect(receiver.deliveriesOf(key('down'))).toBe(0)
    })

    it('takes channels in order: skips one that cannot reach, moves on from one that is gone, fails on a refusal', async () => {
      await enqueue(notice(key('fallback')))
      const wechat = new ReceiverChannel('wechat', receiver.url, false, () => false)
      const webpush = new ReceiverChannel('webpush', receiver.url)
      receiver.script.push({ status: 410 }) // the push subscription is gone
      await workerWith([wechat, webpush, sms()]).runOnce()
      expect(await row(key('fallback'))).toMatchObject({ status: 'sent', channel: 'sms' })
      expect(receiver.delivered.find((d) => d.key === key('fallback'))?.channel).toBe('sms')

      await enqueue(notice(key('refused')))
      receiver.script.push({ status: 400 })
      await workerWith([webpush, sms()]).runOnce()
      expect(await row(key('refused'))).toMatchObject({ status: 'failed', channel: 'webpush', last_error: 'HTTP 400' })
      expect(receiver.deliveriesOf(key('refused'))).toBe(0)

      await enqueue(notice(key('nobody')))
      await workerWith([wechat]).runOnce()
      expect(await row(key('nobody'))).toMatchObject({ status: 'dropped', last_error: 'no channel' })
    })

    it('counts a message that cannot be written out as an attempt, so it ends as failed instead of coming back forever', async () => {
      await enqueue(notice(key('unwritable')))
      const broken = new OutboxWorker(
        { db: db(), clock, log: quietLog, channels: [sms()], render: () => { throw new Error('no template') }, recipientOf: recipientOfRow },
        { maxAttempts: 2 },
      )
      expect(await broken.runOnce()).toMatchObject({ retried: 1 })
      clock.advance(3600_000)
      expect(await broken.runOnce()).toMatchObject({ failed: 1 })
      expect(await row(key('unwritable'))).toMatchObject({ status: 'failed', attempts: 2, last_error: 'preparing: no template' })
    })

    it('starts no worker without channels: messages wait in the outbox instead of being dropped as unreachable', async () => {
      await enqueue(notice(key('waiting')))
      expect(startNotifications({ db: db(), clock, log: quietLog, channels: [], render: plainRender, recipientOf: recipientOfRow })).toBeNull()
      expect((await row(key('waiting'))).status).toBe('pending')
    })

    it('after dying between send and mark-as-sent, a new worker resends with the same key: received exactly once', async () => {
      await enqueue(notice(key('crash-after')))
      void workerWith([new DiesAfterSend(sms())], { id: 'doomed' }).runOnce()
      await until(() => receiver.deliveriesOf(key('crash-after')) === 1, 'the first send')
      await until(async () => (await row(key('crash-after'))).status === 'sending', 'the send to be in flight')
      const requestsBefore = receiver.requests

      const restarted = workerWith([sms()], { id: 'restarted' })
      expect(await restarted.runOnce()).toMatchObject({ leased: 0, requeued: 0 }) // the lease still holds
      clock.advance(LEASE_MS + 1)
      expect(await restarted.runOnce()).toMatchObject({ requeued: 1, sent: 1 })
      expect(receiver.requests).toBe(requestsBefore + 1) // it was sent again …
      expect(receiver.deliveriesOf(key('crash-after'))).toBe(1) // … and the receiver dropped the repeat
      expect(await row(key('crash-after'))).toMatchObject({ status: 'sent', attempts: 1 })
    })

    it('never resends on a channel that cannot drop repeats: the message is marked uncertain', async () => {
      await enqueue(notice(key('uncertain')))
      void workerWith([new DiesAfterSend(sms(false))], { id: 'doomed' }).runOnce()
      await until(async () => (await row(key('uncertain'))).status === 'sending' && receiver.deliveriesOf(key('uncertain')) === 1, 'the send')
      const requestsBefore = receiver.requests
      clock.advance(LEASE_MS + 1)
      expect(await workerWith([sms(false)], { id: 'restarted' }).runOnce()).toMatchObject({ uncertain: 1, sent: 0 })
      expect(receiver.requests).toBe(requestsBefore)
      expect((await row(key('uncertain'))).status).toBe('uncertain')
    })

    it('after dying before the send, a new worker sends it once the lease has run out', async () => {
      await enqueue(notice(key('crash-before')))
      const doomed = workerWith([new DiesBeforeSend(sms())], { id: 'doomed' })
      void doomed.runOnce()
      await until(async () => (await row(key('crash-before'))).lease_owner === 'doomed', 'the lease')
      const restarted = workerWith([sms()], { id: 'restarted' })
      expect(await restarted.runOnce()).toMatchObject({ leased: 0 })
      clock.advance(LEASE_MS + 1)
      expect(await restarted.runOnce()).toMatchObject({ sent: 1 })
      expect(receiver.deliveriesOf(key('crash-before'))).toBe(1)
    })

    it('two workers racing over the same rows send each exactly once', async () => {
      const keys = Array.from({ length: 60 }, (_, i) => key(`race-${i}`))
      for (const [i, dedupKey] of keys.entries()) await enqueue(notice(dedupKey, { userId: `racer-${i % 7}` }))
      const requestsBefore = receiver.requests
      const a = workerWith([sms()], { id: 'a', batchSize: 10 })
      const b = workerWith([sms()], { id: 'b', batchSize: 10 })
      const reports = []
      for (let round = 0; round < 10; round += 1) reports.push(...(await Promise.all([a.runOnce(), b.runOnce()])))
      expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(keys.length)
      expect(receiver.requests - requestsBefore).toBe(keys.length)
      for (const dedupKey of keys) expect(receiver.deliveriesOf(dedupKey)).toBe(1)
    })

    it('writes nothing while there is nothing to act on, then leases and sends as soon as there is', async () => {
      // Every UPDATE on SQLite takes the single write lock, which bookings and queue calls need: idle passes must not.
      const writes: string[] = []
      const counted = db().withPlugin({
        transformQuery: ({ node }) => {
          if (node.kind !== 'SelectQueryNode') writes.push(node.kind)
          return node
        },
        transformResult: async ({ result }) => result,
      })
      const worker = new OutboxWorker(
        { db: counted, clock, log: quietLog, channels: [sms()], render: plainRender, recipientOf: recipientOfRow },
        { id: 'idle', leaseMs: LEASE_MS },
      )
      const leaseHeld = new Date(clock.now().getTime() + LEASE_MS).toISOString()
      // Near misses of each condition: not due yet, due but leased by a live worker, mid-send with its lease holding.
      await enqueue(notice(key('later'), { notBefore: new Date(clock.now().getTime() + 3600_000).toISOString() }))
      await enqueue(notice(key('held')))
      await enqueue(notice(key('in-flight')))
      await enqueue(notice(key('done')))
      const set = (dedupKey: string, values: Partial<OutboxRow>) =>
        db().updateTable('notification_outbox').set(values).where('dedup_key', '=', dedupKey).execute()
      await set(key('held'), { lease_owner: 'other', lease_until: leaseHeld })
      await set(key('in-flight'), { status: 'sending', channel: 'sms', lease_owner: 'other', lease_until: leaseHeld })
      await set(key('done'), { status: 'sent', sent_at: clock.now().toISOString() })

      for (let pass = 0; pass < 5; pass += 1) {
        expect(await worker.runOnce()).toMatchObject({ leased: 0, requeued: 0, uncertain: 0 })
      }
      expect(writes).toEqual([])

      await enqueue(notice(key('due')))
      expect(await worker.runOnce()).toMatchObject({ leased: 1, sent: 1 })
      expect(writes).toContain('UpdateQueryNode')
      expect(receiver.deliveriesOf(key('due'))).toBe(1)

      // The other worker died: its lapsed leases are work again, the abandoned send recovered and resent.
      clock.advance(LEASE_MS + 1)
      expect(await worker.runOnce()).toMatchObject({ requeued: 1, leased: 2, sent: 2 })
      expect(await row(key('held'))).toMatchObject({ status: 'sent' })
      expect(await row(key('in-flight'))).toMatchObject({ status: 'sent', attempts: 1 })
      expect(await row(key('later'))).toMatchObject({ status: 'pending', lease_owner: null })
    })

    it('sends at once when kicked after an enqueue, without waiting for its next poll', async () => {
      const worker = workerWith([sms()], { pollMs: 600_000 })
      worker.start()
      try {
        // Once this pass is done the polling loop has had its first look and sleeps for the next ten minutes.
        await worker.runOnce()
        await enqueue(notice(key('kicked'), { kind: 'queue_called' }))
        worker.kick()
        await until(() => receiver.deliveriesOf(key('kicked')) === 1, 'the kicked send')
      } finally {
        await worker.stop()
      }
    })
  })
})

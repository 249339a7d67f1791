// Reminders outside the app (issue 11): messages per second through the outbox (enqueue committed → the worker
// leases, marks, sends over HTTP, marks sent) to a fake receiver, and the delay from a queue call-next made over
// HTTP on a real app to the fake receiver getting the "called" message. The receiver runs in this process, so it
// shares the event loop and the 2 shared cores with the server: read the figures as a lower bound.
import { shiftedClock } from '../../server/clock'
import { ephemeralAuthSettings } from '../../server/modules/auth/settings'
import { migrateToLatest } from '../../server/db/connect'
import { enqueueNotice } from '../../server/modules/notify/outbox'
import { OutboxWorker } from '../../server/modules/notify/worker'
import { ensureDemoAccounts } from '../../server/seed/demoAccounts'
import { createTestApp, openTestDatabase, WEDNESDAY_10AM } from '../api/support/testApp'
import { devSignIn } from '../api/support/signIn'
import { takeTicket } from '../api/support/queue'
import { plainRender, quietLog, ReceiverChannel, recipientOfRow, startFakeNoticeReceiver, type FakeNoticeReceiver } from '../api/support/fakeNoticeReceiver'
import { ms, summarize, type Row } from './stats'

const MESSAGES = Number(process.env.NOTIFY_BENCH_MESSAGES ?? 2000)
const CALLS = Number(process.env.NOTIFY_BENCH_CALLS ?? 40)
const HALL = 'lh-district'

function deliveredAll(receiver: FakeNoticeReceiver, count: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (receiver.delivered.length >= count ? resolve() : setTimeout(check, 5))
    check()
  })
}

async function throughput(dialect: 'sqlite' | 'postgres', receiver: FakeNoticeReceiver): Promise<Row> {
  const database = await openTestDatabase(dialect, 8)
  try {
    await migrateToLatest(database.db)
    const clock = shiftedClock(new Date(WEDNESDAY_10AM))
    for (let i = 0; i < MESSAGES; i += 100) {
      await database.db.transaction().execute(async (trx) => {
        for (let j = i; j < Math.min(MESSAGES, i + 100); j += 1) {
          await enqueueNotice(trx, clock.now(), { dedupKey: `bench:${dialect}:${j}`, kind: 'queue_called', userId: `user-${j % 500}`, params: { path: 'pages/ticket/index?id=x' } })
        }
      })
    }
    const before = receiver.delivered.length
    const worker = new OutboxWorker(
      { db: database.db, clock, log: quietLog, channels: [new ReceiverChannel('sms', receiver.url)], render: plainRender, recipientOf: recipientOfRow },
      { pollMs: 250 },
    )
    const start = performance.now()
    worker.start()
    await deliveredAll(receiver, before + MESSAGES)
    const seconds = (performance.now() - start) / 1000
    await worker.stop()
    return { figure: `outbox → fake receiver throughput (${dialect})`, value: `${(MESSAGES / seconds).toFixed(0)} msg/s`, note: `${MESSAGES} messages in ${seconds.toFixed(1)} s, one worker, 500 recipients` }
  } finally {
    await database.dispose()
  }
}

async function calledDelay(receiver: FakeNoticeReceiver): Promise<Row[]> {
  const t = await createTestApp('sqlite', {
    auth: ephemeralAuthSettings({ devLogin: true }),
    clock: shiftedClock(new Date(WEDNESDAY_10AM)),
    notifications: { channels: [new ReceiverChannel('sms', receiver.url)], render: plainRender, recipientOf: recipientOfRow },
  })
  try {
    await ensureDemoAccounts(t.app.db, t.app.clock.now())
    const staff = await devSignIn(t.app, { username: 'window1' })
    for (let i = 0; i < CALLS; i += 1) await takeTicket(t.app, await devSignIn(t.app, { phone: String(13700000000 + i) }), HALL, 'A')
    const appUrl = await t.app.listen({ port: 0, host: '127.0.0.1' })
    const delays: number[] = []
    for (let call = 0; call < CALLS; call += 1) {
      const arrived = new Promise<number>((resolve) => {
        receiver.onDelivered = (notice) => notice.kind === 'queue_called' && resolve(notice.receivedAt)
      })
      const start = performance.now()
      const res = await fetch(`${appUrl}/api/v1/staff/halls/${HALL}/windows/${1 + (call % 5)}/call-next`, {
        method: 'POST',
        headers: { authorization: `Bearer ${staff.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ categoryIds: ['A'] }),
      })
      if (res.status !== 200) throw new Error(`call-next ${res.status} ${await res.text()}`)
      delays.push((await arrived) - start)
    }
    receiver.onDelivered = undefined
    const { p50, p95, max, n } = summarize(delays)
    return [
      { figure: 'queue call-next (HTTP) → "called" at fake receiver, p50', value: ms(p50) },
      { figure: 'queue call-next → "called" at fake receiver, p95', value: ms(p95), budget: '≤ 2000 ms', note: `max ${ms(max)}, ${n} calls; worker kicked after commit, polls every 250 ms` },
    ]
  } finally {
    await t.close()
  }
}

export async function notificationRows(): Promise<Row[]> {
  const receiver = await startFakeNoticeReceiver()
  try {
    const rows = [await throughput('sqlite', receiver)]
    if (process.env.DATABASE_URL) rows.push(await throughput('postgres', receiver))
    rows.push(...(await calledDelay(receiver)))
    return rows
  } finally {
    await receiver.close()
  }
}

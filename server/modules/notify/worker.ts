// Sends what the outbox holds. One worker per node; any number of nodes share the table. A row is leased before it
// is touched and marked `sending` (committed) before its channel is called, so a crash at any point either leaves a
// row another worker picks up after the lease, or one that is resent only where the receiver drops repeats.
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { NoticeKind, NoticeParams } from '../../../src/domain/notices'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import * as outboxRepo from './outboxRepo'
import type { OutboxRow } from './outboxRepo'
import type { Delivery, NotificationChannel, Recipient, RenderedNotice, SendOutcome } from './types'

export type NoticeLocale = RenderedNotice['locale']

export interface WorkerLog {
  debug(details: object, message: string): void
  info(details: object, message: string): void
  warn(details: object, message: string): void
}

export interface OutboxWorkerDeps {
  db: Kysely<Database>
  clock: Clock
  log: WorkerLog
  /** In order of preference: the first that can reach the person is used. */
  channels: NotificationChannel[]
  render: (kind: NoticeKind, params: NoticeParams, locale: NoticeLocale) => RenderedNotice
  recipientOf: (row: OutboxRow) => Promise<Recipient>
}

export interface OutboxWorkerOptions {
  /** Unique per worker instance: it is the lease owner (at most 40 characters). */
  id?: string
  pollMs?: number
  /** How long a leased row is this worker's; longer than any channel's request timeout. */
  leaseMs?: number
  batchSize?: number
  /** Rows sent at once; rows for one person go one after another, in the order they were enqueued. */
  maxAttempts?: number
  retryBaseMs?: number
  retryMaxMs?: number
  random?: () => number
}

export interface RunReport {
  leased: number
  sent: number
  retried: number
  failed: number
  dropped: number
  requeued: number
  uncertain: number
  /** Rows another worker took over meanwhile (this one's lease had run out). */
  lost: number
}

const DEFAULTS = { pollMs: 250, leaseMs: 60_000, batchSize: 50, maxAttempts: 8, retryBaseMs: 10_000, retryMaxMs: 30 * 60_000 }

function emptyReport(): RunReport {
  return { leased: 0, sent: 0, retried: 0, failed: 0, dropped: 0, requeued: 0, uncertain: 0, lost: 0 }
}

/** Delay before attempt `attempts + 1`: doubling from the base, capped, spread ±20% so retries do not bunch. */
export function retryDelayMs(attempts: number, random: () => number, baseMs = DEFAULTS.retryBaseMs, maxMs = DEFAULTS.retryMaxMs, retryAfterMs = 0): number {
  const doubled = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1))
  return Math.max(Math.round(doubled * (0.8 + 0.4 * random())), retryAfterMs)
}

export class OutboxWorker {
  readonly id: string
  private readonly options: Required<Omit<OutboxWorkerOptions, 'id'>>
  private chain: Promise<unknown> = Promise.resolve()
  private loop: Promise<void> | null = null
  private stopped = true
  private kicked = false
  private wake: (() => void) | null = null

  constructor(private readonly deps: OutboxWorkerDeps, options: OutboxWorkerOptions = {}) {
    this.id = options.id ?? `w-${randomUUID()}`
    this.options = { ...DEFAULTS, random: Math.random, ...options }
  }

  /** Polls every `pollMs` and at once after `kick()`, until `stop()`. */
  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.loop = this.poll()
  }

  /** Finishes the pass in flight, then stops. */
  async stop(): Promise<void> {
    this.stopped = true
    this.wake?.()
    await this.loop
    this.loop = null
  }

  /** Something was enqueued on this node and committed: look now rather than at the next poll. */
  kick(): void {
    this.kicked = true
    this.wake?.()
  }

  /**
   * One pass: recover abandoned sends, lease due rows, deliver them. Passes of one worker never overlap. A pass with
   * nothing to act on ends after one read.
   */
  runOnce(): Promise<RunReport> {
    const pass = this.chain.then(() => this.pass())
    this.chain = pass.catch(() => undefined)
    return pass
  }

  private async poll(): Promise<void> {
    while (!this.stopped) {
      this.kicked = false
      let full = false
      try {
        const report = await this.runOnce()
        full = report.leased >= this.options.batchSize
      } catch (error) {
        this.deps.log.warn({ err: error, worker: this.id }, 'notification outbox pass failed; will retry')
      }
      if (this.stopped) break
      if (!full && !this.kicked) await this.sleep(this.options.pollMs)
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        resolve()
      }
      this.wake = () => {
        this.wake = null
        done()
      }
    })
  }

  private leaseUntil(): string {
    return new Date(this.deps.clock.now().getTime() + this.options.leaseMs).toISOString()
  }

  private async pass(): Promise<RunReport> {
    const report = emptyReport()
    const nowIso = this.deps.clock.now().toISOString()
    if (!(await outboxRepo.hasWork(this.deps.db, nowIso))) return report
    const resendable = this.deps.channels.filter((c) => c.idempotentResend).map((c) => c.name)
    const recovered = await outboxRepo.recoverAbandonedSends(this.deps.db, nowIso, resendable)
    report.requeued = recovered.requeued
    report.uncertain = recovered.uncertain
    if (recovered.uncertain > 0) this.deps.log.warn({ worker: this.id, rows: recovered.uncertain }, 'notifications left mid-send marked uncertain')
    const rows = await outboxRepo.leaseDue(this.deps.db, this.id, nowIso, this.leaseUntil(), this.options.batchSize)
    report.leased = rows.length
    const byPerson = new Map<string, OutboxRow[]>()
    for (const row of rows) {
      const key = row.user_id ?? row.phone_enc ?? row.id
      byPerson.set(key, [...(byPerson.get(key) ?? []), row])
    }
    await Promise.all(
      [...byPerson.values()].map(async (queue) => {
        for (const row of queue) {
          try {
            report[await this.deliver(row)] += 1
          } catch (error) {
            // The lease runs out and another pass tries again: a database hiccup must not lose the message.
            this.deps.log.warn({ err: error, notice: row.id, kind: row.kind }, 'notification delivery failed; will retry after the lease')
          }
        }
      }),
    )
    return report
  }

  private async deliver(row: OutboxRow): Promise<'sent' | 'retried' | 'failed' | 'dropped' | 'lost'> {
    const { db, clock, log } = this.deps
    const drop = async (reason: string) => {
      await outboxRepo.settle(db, row.id, this.id, { status: 'dropped', lastError: reason })
      log.debug({ notice: row.id, kind: row.kind, reason }, 'notification dropped')
      return 'dropped' as const
    }
    if (row.expires_at && row.expires_at <= clock.now().toISOString()) return drop('expired')
    const settings = row.user_id ? await outboxRepo.settingsOf(db, row.user_id) : undefined
    if (settings?.enabled === 0) return drop('consent withdrawn')

    let delivery: Delivery
    try {
      // The language the person uses now (they may have switched since the event), else the one stored with it.
      const locale: NoticeLocale = (settings?.locale ?? row.locale) === 'en' ? 'en' : 'zh-CN'
      delivery = {
        id: row.id,
        dedupKey: row.dedup_key,
        recipient: await this.deps.recipientOf(row),
        notice: this.deps.render(row.kind as NoticeKind, JSON.parse(row.params) as NoticeParams, locale),
      }
    } catch (error) {
      // Counted as an attempt: a row that can never be written out ends as failed instead of coming back forever.
      return this.record(row, null, { outcome: 'retry', reason: `preparing: ${error instanceof Error ? error.message : String(error)}` })
    }
    const unavailable: string[] = []
    for (const channel of this.deps.channels) {
      let reachable: boolean
      try {
        reachable = await channel.canReach(delivery)
      } catch (error) {
        return this.record(row, channel.name, { outcome: 'retry', reason: `${channel.name}: ${error instanceof Error ? error.message : String(error)}` })
      }
      if (!reachable) continue
      // Committed before the send: if this process dies during it, recovery knows a send may have happened.
      if (!(await outboxRepo.markSending(db, row.id, this.id, channel.name, this.leaseUntil()))) return 'lost'
      let result: SendOutcome
      try {
        result = await channel.send(delivery)
      } catch (error) {
        result = { outcome: 'retry', reason: error instanceof Error ? error.message : String(error) }
      }
      if (result.outcome === 'unavailable') {
        unavailable.push(`${channel.name}: ${result.reason}`)
        continue
      }
      return this.record(row, channel.name, result)
    }
    return drop(unavailable.length ? `no channel (${unavailable.join('; ')})` : 'no channel')
  }

  private async record(row: OutboxRow, channel: string | null, result: Exclude<SendOutcome, { outcome: 'unavailable' }>) {
    const { db, clock, log } = this.deps
    if (result.outcome === 'sent') {
      await outboxRepo.settle(db, row.id, this.id, { status: 'sent', sentAt: clock.now().toISOString(), lastError: null })
      return 'sent' as const
    }
    const attempts = row.attempts + 1
    if (result.outcome === 'rejected' || attempts >= this.options.maxAttempts) {
      await outboxRepo.settle(db, row.id, this.id, { status: 'failed', attempts, lastError: result.reason })
      log.warn({ notice: row.id, kind: row.kind, channel, attempts, reason: result.reason }, 'notification failed')
      return 'failed' as const
    }
    const { random, retryBaseMs, retryMaxMs } = this.options
    const delay = retryDelayMs(attempts, random, retryBaseMs, retryMaxMs, result.retryAfterMs ?? 0)
    await outboxRepo.settle(db, row.id, this.id, {
      status: 'pending',
      attempts,
      lastError: result.reason,
      nextAttemptAt: new Date(clock.now().getTime() + delay).toISOString(),
    })
    return 'retried' as const
  }
}

// SQL of the notification outbox and nothing else. Every state change is a conditional UPDATE on the row's status
// and lease, so two workers (on one node or several) never both act on a row.
import type { ExpressionBuilder, Insertable, Kysely, Selectable } from 'kysely'
import type { Database, NotificationOutboxTable } from '../../db/schema'
import type { OutboxStatus } from './types'

export type OutboxRow = Selectable<NotificationOutboxTable>
type Db = Kysely<Database>
type Outbox = ExpressionBuilder<Database, 'notification_outbox'>

// The conditions a worker acts on, in one place: the read that decides whether a pass has work and the UPDATEs
// that take the rows must never disagree.
/** Nobody holds the row, or its holder's lease ran out (that worker crashed). */
const leaseFree = (eb: Outbox, nowIso: string) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', nowIso)])
/** A message waiting to go out whose time has come. */
const dueForLease = (eb: Outbox, nowIso: string) =>
  eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', nowIso), leaseFree(eb, nowIso)])
/** A send whose worker died before recording how it ended. */
const abandonedSend = (eb: Outbox, nowIso: string) => eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', nowIso)])

/** Inserts unless the dedup key is already there; true when this call inserted it (the event's claim). */
export async function insertNotice(db: Db, row: Insertable<NotificationOutboxTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('notification_outbox')
    .values(row)
    .onConflict((oc) => oc.column('dedup_key').doNothing())
    .returning('id')
    .execute()
  return inserted.length === 1
}

export async function settingsOf(db: Db, userId: string) {
  return db.selectFrom('notification_settings').select(['enabled', 'locale']).where('user_id', '=', userId).executeTakeFirst()
}

/**
 * Whether a pass has anything to act on: a row `leaseDue` could lease, or a send `recoverAbandonedSends` would
 * recover. It is a read, so an idle worker never waits for (or holds) SQLite's single write lock. It only says
 * whether to try: the conditional UPDATEs still decide which worker gets a row. Served by notification_outbox_due.
 */
export async function hasWork(db: Db, nowIso: string): Promise<boolean> {
  const found = await db
    .selectFrom('notification_outbox')
    .select('id')
    .where((eb) => eb.or([dueForLease(eb, nowIso), abandonedSend(eb, nowIso)]))
    .limit(1)
    .executeTakeFirst()
  return found !== undefined
}

/**
 * Leases up to `limit` due rows to `owner` until `leaseUntil`: pending, due, and not leased — or leased by a worker
 * whose lease ran out (it crashed before sending). The conditions are repeated in the outer WHERE so PostgreSQL
 * re-checks them on a row another worker updated first, and that row is skipped.
 */
export async function leaseDue(db: Db, owner: string, nowIso: string, leaseUntil: string, limit: number): Promise<OutboxRow[]> {
  const due = db
    .selectFrom('notification_outbox')
    .select('id')
    .where((eb) => dueForLease(eb, nowIso))
    .orderBy('next_attempt_at')
    .limit(limit)
  await db
    .updateTable('notification_outbox')
    .set({ lease_owner: owner, lease_until: leaseUntil })
    .where('id', 'in', due)
    .where('status', '=', 'pending')
    .where((eb) => leaseFree(eb, nowIso))
    .execute()
  return db
    .selectFrom('notification_outbox')
    .selectAll()
    .where('lease_owner', '=', owner)
    .where('lease_until', '=', leaseUntil)
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

/** Before a send: the row is `sending` on `channel`, committed, so a crash from here on is never silently resent. */
export async function markSending(db: Db, id: string, owner: string, channel: string, leaseUntil: string): Promise<boolean> {
  const result = await db
    .updateTable('notification_outbox')
    .set({ status: 'sending', channel, lease_until: leaseUntil })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', 'in', ['pending', 'sending'])
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export interface Settlement {
  status: OutboxStatus
  lastError?: string | null
  sentAt?: string
  nextAttemptAt?: string
  attempts?: number
  channel?: string | null
}

/** Ends this worker's hold on a row with its outcome; false when the lease was lost to another worker. */
export async function settle(db: Db, id: string, owner: string, outcome: Settlement): Promise<boolean> {
  const result = await db
    .updateTable('notification_outbox')
    .set({
      status: outcome.status,
      lease_owner: null,
      lease_until: null,
      ...(outcome.lastError !== undefined ? { last_error: outcome.lastError } : {}),
      ...(outcome.sentAt ? { sent_at: outcome.sentAt } : {}),
      ...(outcome.nextAttemptAt ? { next_attempt_at: outcome.nextAttemptAt } : {}),
      ...(outcome.attempts !== undefined ? { attempts: outcome.attempts } : {}),
      ...(outcome.channel !== undefined ? { channel: outcome.channel } : {}),
    })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', 'in', ['pending', 'sending'])
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Rows left `sending` by a worker that died mid-send. On a channel whose receiver drops repeats they go back to
 * `pending` (counted as an attempt); on any other the message may or may not have arrived: `uncertain`, never resent.
 */
export async function recoverAbandonedSends(db: Db, nowIso: string, resendableChannels: string[]): Promise<{ requeued: number; uncertain: number }> {
  let requeued = 0
  if (resendableChannels.length > 0) {
    const result = await db
      .updateTable('notification_outbox')
      .set((eb) => ({ status: 'pending', lease_owner: null, lease_until: null, attempts: eb('attempts', '+', 1), last_error: 'worker stopped during send' }))
      .where((eb) => abandonedSend(eb, nowIso))
      .where('channel', 'in', resendableChannels)
      .executeTakeFirst()
    requeued = Number(result.numUpdatedRows)
  }
  let uncertainQuery = db
    .updateTable('notification_outbox')
    .set({ status: 'uncertain', lease_owner: null, lease_until: null, last_error: 'worker stopped during send; channel cannot resend safely' })
    .where((eb) => abandonedSend(eb, nowIso))
  if (resendableChannels.length > 0) uncertainQuery = uncertainQuery.where('channel', 'not in', resendableChannels)
  const result = await uncertainQuery.executeTakeFirst()
  return { requeued, uncertain: Number(result.numUpdatedRows) }
}

export function findByDedupKey(db: Db, dedupKey: string) {
  return db.selectFrom('notification_outbox').selectAll().where('dedup_key', '=', dedupKey).executeTakeFirst()
}

/** Withdraws messages not yet sent (an appointment cancelled before its reminder went out). */
export async function dropUnsent(db: Db, dedupKeys: string[], reason: string): Promise<number> {
  if (dedupKeys.length === 0) return 0
  const result = await db
    .updateTable('notification_outbox')
    .set({ status: 'dropped', last_error: reason, lease_owner: null, lease_until: null })
    .where('dedup_key', 'in', dedupKeys)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

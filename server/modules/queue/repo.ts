import { sql, type Kysely, type Selectable } from 'kysely'
import type { Database, TicketsTable } from '../../db/schema'
import { ACTIVE_TICKET_STATUSES } from '../../../src/domain/contract'

// Every function takes the executor it runs on: the request's database or a transaction the caller holds.
type Db = Kysely<Database>
export type TicketRow = Selectable<TicketsTable>

const ACTIVE = [...ACTIVE_TICKET_STATUSES]

export function findHall(db: Db, hallId: string) {
  return db.selectFrom('halls').select(['id', 'name', 'hours', 'windows']).where('id', '=', hallId).executeTakeFirst()
}

export function hallsByIds(db: Db, hallIds: string[]) {
  return db.selectFrom('halls').select(['id', 'name', 'hours', 'windows']).where('id', 'in', hallIds).execute()
}

export function categoriesOf(db: Db, hallIds: string[]) {
  return db
    .selectFrom('hall_categories')
    .select(['hall_id', 'id', 'name', 'prefix', 'priority', 'position'])
    .where('hall_id', 'in', hallIds)
    .orderBy('hall_id')
    .orderBy('position')
    .execute()
}

export function findCategory(db: Db, hallId: string, categoryId: string) {
  return db
    .selectFrom('hall_categories')
    .select(['id', 'name', 'prefix', 'priority'])
    .where('hall_id', '=', hallId)
    .where('id', '=', categoryId)
    .executeTakeFirst()
}

export function windowsOf(db: Db, hallIds: string[]) {
  return db.selectFrom('queue_windows').selectAll().where('hall_id', 'in', hallIds).execute()
}

export function versionsOf(db: Db, hallIds: string[]) {
  return db.selectFrom('queue_versions').selectAll().where('hall_id', 'in', hallIds).execute()
}

/**
 * What the estimates need from today's tickets, for many halls in one query: the active ones, services finished in
 * the last hours (the moving window of service times) and priority tickets issued in the last hour (their rate).
 */
export function ticketsForState(db: Db, hallIds: string[], day: string, since: { finished: string; issued: string }) {
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('hall_id', 'in', hallIds)
    .where('day', '=', day)
    .where((eb) =>
      eb.or([
        eb('status', 'in', ACTIVE),
        eb.and([eb('status', '=', 'done'), eb('finished_at', '>=', since.finished)]),
        eb.and([eb('priority', '=', 1), eb('issued_at', '>=', since.issued)]),
      ]),
    )
    .execute()
}

export function findTicket(db: Db, id: string): Promise<TicketRow | undefined> {
  return db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst()
}

/** A ticket by its place in a series: what a queue machine's number (A023, A23) stands for. */
export function findTicketBySeq(db: Db, hallId: string, series: string, day: string, seq: number) {
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('series', '=', series)
    .where('day', '=', day)
    .where('seq', '=', seq)
    .executeTakeFirst()
}

export function activeTicketOf(db: Db, hallId: string, userId: string) {
  return db
    .selectFrom('tickets')
    .select(['id', 'day'])
    .where('hall_id', '=', hallId)
    .where('user_id', '=', userId)
    .where('status', 'in', ACTIVE)
    .execute()
}

/** A person's numbers still in play today, across halls (at most one per hall). */
export function activeTicketsOfUser(db: Db, userId: string, day: string): Promise<TicketRow[]> {
  return db.selectFrom('tickets').selectAll().where('user_id', '=', userId).where('day', '=', day).where('status', 'in', ACTIVE).orderBy('issued_at', 'desc').execute()
}

/** Yesterday's numbers are void: a ticket left active overnight must not block the person today. */
export async function expireEarlierDays(db: Db, hallId: string, userId: string, day: string, now: string): Promise<void> {
  await db
    .updateTable('tickets')
    .set({ status: 'cancelled', finished_at: now })
    .where('hall_id', '=', hallId)
    .where('user_id', '=', userId)
    .where('status', 'in', ACTIVE)
    .where('day', '<', day)
    .execute()
}

/** The next number of a series today: the counter row is created at 1 or bumped, and its value read back. */
export async function nextSeq(db: Db, hallId: string, series: string, day: string): Promise<number> {
  const row = await db
    .insertInto('queue_counters')
    .values({ hall_id: hallId, series, day, last_seq: 1 })
    .onConflict((oc) => oc.columns(['hall_id', 'series', 'day']).doUpdateSet({ last_seq: sql<number>`queue_counters.last_seq + 1` }))
    .returning('last_seq')
    .executeTakeFirstOrThrow()
  return Number(row.last_seq)
}

/** A number the hall's own machine gave out: later app numbers of that series must start after it. */
export async function raiseSeqTo(db: Db, hallId: string, series: string, day: string, seq: number): Promise<void> {
  await db
    .insertInto('queue_counters')
    .values({ hall_id: hallId, series, day, last_seq: seq })
    .onConflict((oc) =>
      oc.columns(['hall_id', 'series', 'day']).doUpdateSet({
        last_seq: sql<number>`case when queue_counters.last_seq < ${seq} then ${seq} else queue_counters.last_seq end`,
      }),
    )
    .execute()
}

export async function insertTicket(db: Db, row: TicketRow): Promise<void> {
  await db.insertInto('tickets').values(row).execute()
}

/**
 * Changes a ticket only if it is still in one of `from`: of two windows calling the same ticket at once, or a staff
 * member and the citizen acting together, exactly one wins. True when this call won.
 */
export async function moveTicket(
  db: Db,
  id: string,
  from: readonly string[],
  set: Partial<Pick<TicketRow, 'status' | 'window' | 'called_at' | 'finished_at' | 'category_id' | 'priority'>>,
): Promise<boolean> {
  const result = await db.updateTable('tickets').set(set).where('id', '=', id).where('status', 'in', [...from]).executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export function ticketsAtWindow(db: Db, hallId: string, windowNo: number) {
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('window', '=', windowNo)
    .where('status', 'in', ['called', 'serving'])
    .execute()
}

export function waitingTickets(db: Db, hallId: string, day: string) {
  return db.selectFrom('tickets').selectAll().where('hall_id', '=', hallId).where('day', '=', day).where('status', '=', 'waiting').execute()
}

/** Every change in a hall bumps its version in the same transaction; the new version is returned. */
export async function bumpVersion(db: Db, hallId: string, now: string): Promise<number> {
  const row = await db
    .insertInto('queue_versions')
    .values({ hall_id: hallId, version: 1, updated_at: now })
    .onConflict((oc) => oc.column('hall_id').doUpdateSet({ version: sql<number>`queue_versions.version + 1`, updated_at: now }))
    .returning('version')
    .executeTakeFirstOrThrow()
  return Number(row.version)
}

export async function saveWindow(db: Db, hallId: string, no: number, categoryIds: string[] | null, open: boolean, now: string) {
  const values = { category_ids: categoryIds ? JSON.stringify(categoryIds) : null, open: open ? 1 : 0, updated_at: now }
  await db
    .insertInto('queue_windows')
    .values({ hall_id: hallId, no, ...values })
    .onConflict((oc) => oc.columns(['hall_id', 'no']).doUpdateSet(values))
    .execute()
}

/** Marks the "3 ahead" reminder as due while the ticket still waits; false when it moved on or was marked already. */
export async function markNearReminded(db: Db, ticketId: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('tickets')
    .set({ near_reminded_at: now })
    .where('id', '=', ticketId)
    .where('near_reminded_at', 'is', null)
    .where('status', '=', 'waiting')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export function findIntegrationKey(db: Db, keyHash: string) {
  return db.selectFrom('integration_keys').selectAll().where('key_hash', '=', keyHash).where('revoked_at', 'is', null).executeTakeFirst()
}

export async function insertIntegrationKey(db: Db, hallId: string, keyHash: string, now: string): Promise<void> {
  await db.insertInto('integration_keys').values({ key_hash: keyHash, hall_id: hallId, created_at: now, revoked_at: null }).execute()
}

export async function revokeIntegrationKeys(db: Db, hallId: string, now: string): Promise<number> {
  const result = await db.updateTable('integration_keys').set({ revoked_at: now }).where('hall_id', '=', hallId).where('revoked_at', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Records an event id as applied; false when it was applied before (the primary key refuses it). */
export async function claimIntegrationEvent(db: Db, hallId: string, eventId: string, now: string): Promise<boolean> {
  const result = await db
    .insertInto('integration_events')
    .values({ hall_id: hallId, event_id: eventId, applied_at: now })
    .onConflict((oc) => oc.columns(['hall_id', 'event_id']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0
}

import { sql, type Insertable, type Kysely, type Selectable } from 'kysely'
import { PreparedQuery } from '../../db/preparedQuery'
import type {
  AppointmentNoticesTable,
  AppointmentsTable,
  Database,
  SlotsTable,
  SlotTemplatesTable,
  WaitlistEntriesTable,
} from '../../db/schema'

export type SlotRow = Selectable<SlotsTable>
export type AppointmentRow = Selectable<AppointmentsTable>
export type WaitlistRow = Selectable<WaitlistEntriesTable>
export type TemplateRow = Selectable<SlotTemplatesTable>
export type SlotWithHall = SlotRow & { hall_name: string; hall_address: string; hours: string; closed_day: string | null }

// ---- catalog facts -------------------------------------------------------------------------------------------

/** The item, and whether this hall handles it (null when it does not). */
export function itemAtHall(db: Kysely<Database>, itemCode: string, hallId: string) {
  return db
    .selectFrom('items')
    .leftJoin('item_halls', (join) => join.onRef('item_halls.item_code', '=', 'items.code').on('item_halls.hall_id', '=', hallId))
    .select(['items.code', 'items.name', 'items.department', 'items.appointment', 'item_halls.hall_id'])
    .where('items.code', '=', itemCode)
    .executeTakeFirst()
}

export function findHall(db: Kysely<Database>, hallId: string) {
  return db.selectFrom('halls').select(['id', 'name', 'address', 'lat', 'lng', 'hours']).where('id', '=', hallId).executeTakeFirst()
}

export function hallsByIds(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([])
  return db.selectFrom('halls').select(['id', 'name', 'address', 'lat', 'lng', 'hours']).where('id', 'in', ids).execute()
}

export function allHalls(db: Kysely<Database>) {
  return db.selectFrom('halls').select(['id', 'hours']).execute()
}


export async function templateScopes(db: Kysely<Database>, hallId: string): Promise<string[]> {
  const rows = await db.selectFrom('slot_templates').select('scope').where('hall_id', '=', hallId).execute()
  return rows.map((row) => row.scope)
}

export async function closedDays(db: Kysely<Database>, hallId: string, from: string): Promise<string[]> {
  const rows = await db.selectFrom('hall_closed_days').select('day').where('hall_id', '=', hallId).where('day', '>=', from).execute()
  return rows.map((row) => row.day)
}

// ---- templates and slots -------------------------------------------------------------------------------------

export function allTemplates(db: Kysely<Database>) {
  return db.selectFrom('slot_templates').selectAll().execute()
}

export async function upsertTemplate(db: Kysely<Database>, row: Omit<TemplateRow, 'generated_through'>): Promise<void> {
  await db
    .insertInto('slot_templates')
    .values({ ...row, generated_through: null })
    .onConflict((oc) =>
      oc.columns(['hall_id', 'scope']).doUpdateSet({
        slot_minutes: row.slot_minutes,
        places: row.places,
        walk_in_places: row.walk_in_places,
        generated_through: null,
        updated_at: row.updated_at,
      }),
    )
    .execute()
}

export async function markGenerated(db: Kysely<Database>, hallId: string, scope: string, through: string): Promise<void> {
  await db.updateTable('slot_templates').set({ generated_through: through }).where('hall_id', '=', hallId).where('scope', '=', scope).execute()
}

/** Inserts slots that do not exist yet; an existing slot at the same start keeps its bookings. */
export async function insertSlots(db: Kysely<Database>, rows: Insertable<SlotsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('slots')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['hall_id', 'scope', 'starts_at']).doNothing())
      .execute()
  }
}

/** Future slots of a scope nobody has booked or holds: safe to cut again after a template change. */
export async function deleteUntouchedSlots(db: Kysely<Database>, hallId: string, scope: string, fromIso: string): Promise<void> {
  await db
    .deleteFrom('slots')
    .where('hall_id', '=', hallId)
    .where('scope', '=', scope)
    .where('starts_at', '>', fromIso)
    .where('booked', '=', 0)
    .where('held', '=', 0)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('appointments').select('id').whereRef('appointments.slot_id', '=', 'slots.id'))))
    .execute()
}

export async function setCapacityFrom(db: Kysely<Database>, hallId: string, scope: string, fromIso: string, capacity: number): Promise<void> {
  await db
    .updateTable('slots')
    .set({ capacity })
    .where('hall_id', '=', hallId)
    .where('scope', '=', scope)
    .where('starts_at', '>', fromIso)
    .execute()
}

/** Everything booking needs to know about a slot and an item, in one query (the booking path is hot). */
const bookingFactsQuery = new PreparedQuery<
  { slotId: string; itemCode: string; itemScope: string; userId: string; noShowsSince: string },
  SlotWithHall & BookingItemFacts
>(
  (db, param) =>
    db
      .selectFrom('slots')
      .innerJoin('halls', 'halls.id', 'slots.hall_id')
      .leftJoin('hall_closed_days', (join) => join.onRef('hall_closed_days.hall_id', '=', 'slots.hall_id').onRef('hall_closed_days.day', '=', 'slots.day'))
      .leftJoin('items', (join) => join.on('items.code', '=', param('itemCode')))
      .leftJoin('item_halls', (join) => join.onRef('item_halls.item_code', '=', 'items.code').onRef('item_halls.hall_id', '=', 'slots.hall_id'))
      .selectAll('slots')
      .select((eb) => [
        'halls.name as hall_name',
        'halls.address as hall_address',
        'halls.hours',
        'hall_closed_days.day as closed_day',
        'items.name as item_name',
        'items.department as item_department',
        'items.appointment as item_appointment',
        'item_halls.hall_id as item_hall',
        eb
          .selectFrom('slot_templates')
          .select((sub) => sub.fn.countAll<number | string>().as('n'))
          .whereRef('slot_templates.hall_id', '=', 'slots.hall_id')
          .where('slot_templates.scope', '=', param('itemScope'))
          .as('item_templates'),
        eb
          .selectFrom('no_shows')
          .select((sub) => sub.fn.countAll<number | string>().as('n'))
          .where('no_shows.user_id', '=', param('userId'))
          .where('no_shows.at', '>=', param('noShowsSince'))
          .as('recent_no_shows'),
      ])
      .where('slots.id', '=', param('slotId')),
)

export interface BookingItemFacts {
  item_name: string | null
  item_department: string | null
  item_appointment: number | null
  /** The slot's hall when it handles the item, else null. */
  item_hall: string | null
  /** Templates of the slot's hall for the item itself (0 or 1). */
  item_templates: number | string | null
  /** The booking person's no-shows since `noShowsSince`: only 3 or more can suspend. */
  recent_no_shows: number | string | null
}

export async function bookingFacts(
  db: Kysely<Database>,
  facts: { slotId: string; itemCode: string; itemScope: string; userId: string; noShowsSince: string },
) {
  return (await bookingFactsQuery.rows(db, facts))[0]
}

const hallCategoriesQuery = new PreparedQuery<{ hallId: string }, { id: string }>((db, param) =>
  db.selectFrom('hall_categories').select('id').where('hall_id', '=', param('hallId')).orderBy('position'),
)

export async function hallCategoryIds(db: Kysely<Database>, hallId: string): Promise<string[]> {
  return (await hallCategoriesQuery.rows(db, { hallId })).map((row) => row.id)
}

export function slotsOfDay(db: Kysely<Database>, hallId: string, scope: string, day: string) {
  return db
    .selectFrom('slots')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('scope', '=', scope)
    .where('day', '=', day)
    .orderBy('starts_at')
    .execute()
}

export function slotsBetween(db: Kysely<Database>, hallId: string, scope: string, fromDay: string, toDay: string) {
  return db
    .selectFrom('slots')
    .select(['day', 'starts_at', 'capacity', 'booked', 'held'])
    .where('hall_id', '=', hallId)
    .where('scope', '=', scope)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .execute()
}

const takeOpenPlaceQuery = new PreparedQuery<{ slotId: string }, never>((db, param) =>
  db.updateTable('slots').set({ booked: sql`booked + 1` }).where('id', '=', param('slotId')).where(sql<boolean>`booked + held < capacity`),
)

/** Takes an open place: the database refuses when none is left, however many requests race for it. */
export async function takeOpenPlace(db: Kysely<Database>, slotId: string): Promise<boolean> {
  return (await takeOpenPlaceQuery.affected(db, { slotId })) === 1
}

/** Turns a place held for a waitlist offer into a booking. */
export async function takeHeldPlace(db: Kysely<Database>, slotId: string): Promise<boolean> {
  const result = await db
    .updateTable('slots')
    .set({ booked: sql`booked + 1`, held: sql`held - 1` })
    .where('id', '=', slotId)
    .where('held', '>', 0)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function releasePlace(db: Kysely<Database>, slotId: string, toHold: boolean): Promise<void> {
  await db
    .updateTable('slots')
    .set(toHold ? { booked: sql`booked - 1`, held: sql`held + 1` } : { booked: sql`booked - 1` })
    .where('id', '=', slotId)
    .where('booked', '>', 0)
    .execute()
}

/**
 * Locks slot rows in id order before a change that touches two of them (reschedule): two people swapping slots
 * the other way round then wait for each other instead of deadlocking on PostgreSQL. A no-op UPDATE locks on both
 * databases (SQLite locks the whole database for the transaction anyway).
 */
export async function lockSlots(db: Kysely<Database>, slotIds: string[]): Promise<void> {
  for (const id of [...slotIds].sort()) {
    await db.updateTable('slots').set({ booked: sql`booked` }).where('id', '=', id).execute()
  }
}

export async function dropHold(db: Kysely<Database>, slotId: string): Promise<void> {
  await db.updateTable('slots').set({ held: sql`held - 1` }).where('id', '=', slotId).where('held', '>', 0).execute()
}

/** A closed day's slots stay (appointments point at them) but offer nothing. */
export async function closeSlotsOfDay(db: Kysely<Database>, hallId: string, day: string): Promise<void> {
  await db.updateTable('slots').set({ capacity: 0, booked: 0, held: 0 }).where('hall_id', '=', hallId).where('day', '=', day).execute()
}

export async function addClosedDay(db: Kysely<Database>, hallId: string, day: string, at: string): Promise<void> {
  await db
    .insertInto('hall_closed_days')
    .values({ hall_id: hallId, day, closed_at: at })
    .onConflict((oc) => oc.columns(['hall_id', 'day']).doNothing())
    .execute()
}

// ---- appointments --------------------------------------------------------------------------------------------

const APPOINTMENT_COLUMNS = [
  'id', 'code', 'user_id', 'slot_id', 'hall_id', 'category_id', 'item_code', 'item_name', 'day', 'starts_at', 'ends_at', 'name',
  'phone_enc', 'phone_hash', 'id_number_enc', 'id_number_hash', 'status', 'active_day', 'running_late', 'ticket_id', 'created_at',
  'cancelled_at', 'checked_in_at', 'no_show_at',
] as const satisfies ReadonlyArray<keyof AppointmentRow>

const insertAppointmentQuery = new PreparedQuery<AppointmentRow, never>((db, param) =>
  db.insertInto('appointments').values(Object.fromEntries(APPOINTMENT_COLUMNS.map((column) => [column, param(column)])) as never),
)

export async function insertAppointment(db: Kysely<Database>, row: AppointmentRow): Promise<void> {
  await insertAppointmentQuery.execute(db, row)
}

export function appointmentOf(db: Kysely<Database>, id: string, userId: string) {
  return db.selectFrom('appointments').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()
}

export function appointmentsOf(db: Kysely<Database>, userId: string, limit: number) {
  return db.selectFrom('appointments').selectAll().where('user_id', '=', userId).orderBy('starts_at', 'desc').limit(limit).execute()
}

/** Moves an appointment on from `status` only if it is still there: two racing changes cannot both win. */
export async function updateAppointmentFrom(
  db: Kysely<Database>,
  id: string,
  status: string,
  changes: Partial<Omit<AppointmentRow, 'id'>>,
): Promise<boolean> {
  const result = await db.updateTable('appointments').set(changes).where('id', '=', id).where('status', '=', status).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Changes a booked appointment only if it is still booked in the slot it was read in: of two racing changes (two
 * moves, a move and a cancel) one wins, and the loser's transaction rolls back the place it took or gave back.
 */
export async function updateBookedIn(
  db: Kysely<Database>,
  id: string,
  fromSlotId: string,
  changes: Partial<Omit<AppointmentRow, 'id'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('appointments')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', 'booked')
    .where('slot_id', '=', fromSlotId)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export function bookedAppointmentsOfDay(db: Kysely<Database>, hallId: string, day: string) {
  return db.selectFrom('appointments').selectAll().where('hall_id', '=', hallId).where('day', '=', day).where('status', '=', 'booked').execute()
}

/** Booked appointments whose start is before `beforeIso`: candidates for the no-show sweep. */
export function bookedStartedBefore(db: Kysely<Database>, beforeIso: string) {
  return db.selectFrom('appointments').selectAll().where('status', '=', 'booked').where('starts_at', '<', beforeIso).execute()
}

const noShowTimesQuery = new PreparedQuery<{ userId: string; since: string }, { at: string }>((db, param) =>
  db.selectFrom('no_shows').select('at').where('user_id', '=', param('userId')).where('at', '>=', param('since')),
)

export async function noShowTimes(db: Kysely<Database>, userId: string, sinceIso: string): Promise<Date[]> {
  return (await noShowTimesQuery.rows(db, { userId, since: sinceIso })).map((row) => new Date(row.at))
}

export async function insertNoShow(db: Kysely<Database>, appointmentId: string, userId: string, at: string): Promise<void> {
  await db.insertInto('no_shows').values({ appointment_id: appointmentId, user_id: userId, at }).execute()
}

// ---- waitlist and notices ------------------------------------------------------------------------------------

export function offerFor(db: Kysely<Database>, userId: string, slotId: string, nowIso: string) {
  return db
    .selectFrom('waitlist_entries')
    .select(['id'])
    .where('user_id', '=', userId)
    .where('offer_slot_id', '=', slotId)
    .where('status', '=', 'offered')
    .where('offer_expires_at', '>', nowIso)
    .executeTakeFirst()
}

export async function updateWaitlistFrom(
  db: Kysely<Database>,
  id: string,
  status: string,
  changes: Partial<Omit<WaitlistRow, 'id'>>,
): Promise<boolean> {
  const result = await db.updateTable('waitlist_entries').set(changes).where('id', '=', id).where('status', '=', status).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function insertWaitlistEntry(db: Kysely<Database>, row: Omit<Insertable<WaitlistEntriesTable>, 'seq'>): Promise<void> {
  // Arrival order from the table itself (inside the joining transaction), so it holds across server processes.
  const last = await db.selectFrom('waitlist_entries').select(sql<number | string | null>`max(seq)`.as('seq')).executeTakeFirst()
  await db.insertInto('waitlist_entries').values({ ...row, seq: Number(last?.seq ?? 0) + 1 }).execute()
}

export function waitlistOf(db: Kysely<Database>, userId: string) {
  return db.selectFrom('waitlist_entries').selectAll().where('user_id', '=', userId).orderBy('seq', 'desc').limit(100).execute()
}

export function waitlistEntryOf(db: Kysely<Database>, id: string, userId: string) {
  return db.selectFrom('waitlist_entries').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()
}

/** The first person still waiting for this hall, scope and day. */
export function firstWaiting(db: Kysely<Database>, hallId: string, scope: string, day: string) {
  return db
    .selectFrom('waitlist_entries')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('scope', '=', scope)
    .where('day', '=', day)
    .where('status', '=', 'waiting')
    .orderBy('seq')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst()
}

export async function waitingAhead(db: Kysely<Database>, entry: WaitlistRow): Promise<number> {
  const row = await db
    .selectFrom('waitlist_entries')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('hall_id', '=', entry.hall_id)
    .where('scope', '=', entry.scope)
    .where('day', '=', entry.day)
    .where('status', '=', 'waiting')
    .where('seq', '<', entry.seq)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export function expiredOffers(db: Kysely<Database>, nowIso: string) {
  return db.selectFrom('waitlist_entries').selectAll().where('status', '=', 'offered').where('offer_expires_at', '<=', nowIso).execute()
}

export async function insertNotice(db: Kysely<Database>, row: Insertable<AppointmentNoticesTable>): Promise<void> {
  await db.insertInto('appointment_notices').values(row).execute()
}

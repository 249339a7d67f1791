import type { Kysely, Selectable } from 'kysely'
import type { Database, ResidentsTable, ResidentVisitsTable } from '../../db/schema'

export type ResidentRow = Selectable<ResidentsTable>
export type VisitRow = Selectable<ResidentVisitsTable>

export function findGrid(db: Kysely<Database>, gridId: string) {
  return db.selectFrom('grids').select(['id', 'name', 'hall_id']).where('id', '=', gridId).executeTakeFirst()
}

export function residentsOfGrid(db: Kysely<Database>, gridId: string): Promise<ResidentRow[]> {
  return db.selectFrom('residents').selectAll().where('grid_id', '=', gridId).orderBy('birth_date').orderBy('id').execute()
}

/** The resident only when they are on `gridId`: another grid's resident is as unknown as a made-up id. */
export function residentInGrid(db: Kysely<Database>, id: string, gridId: string | null): Promise<ResidentRow | undefined> {
  let query = db.selectFrom('residents').selectAll().where('id', '=', id)
  if (gridId !== null) query = query.where('grid_id', '=', gridId)
  return query.executeTakeFirst()
}

/** Item codes applied for by each ID-number hash, leaving out applications that were turned down. */
export async function appliedItemsByIdHash(db: Kysely<Database>, idHashes: string[]): Promise<Map<string, Set<string>>> {
  const applied = new Map<string, Set<string>>()
  if (idHashes.length === 0) return applied
  const rows = await db
    .selectFrom('applications')
    .select(['applications.applicant_id_number_hash as hash', 'applications.item_code as itemCode', 'applications.id as id'])
    .where('applications.applicant_id_number_hash', 'in', idHashes)
    .execute()
  const rejected = new Set(
    (
      await db
        .selectFrom('application_events')
        .select('application_id')
        .where('application_id', 'in', rows.length ? rows.map((row) => row.id) : [''])
        .where('stage', '=', 'decided')
        .where('detail', 'like', '%"rejected"%')
        .execute()
    ).map((row) => row.application_id),
  )
  for (const row of rows) {
    if (rejected.has(row.id)) continue
    const items = applied.get(row.hash) ?? new Set<string>()
    items.add(row.itemCode)
    applied.set(row.hash, items)
  }
  return applied
}

export function applicationsForIdHash(db: Kysely<Database>, idHash: string) {
  return db
    .selectFrom('applications')
    .selectAll()
    .where('applicant_id_number_hash', '=', idHash)
    .orderBy('submitted_at', 'desc')
    .limit(50)
    .execute()
}

export function lastVisits(db: Kysely<Database>, residentIds: string[]): Promise<VisitRow[]> {
  if (residentIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('resident_visits')
    .selectAll()
    .where('resident_id', 'in', residentIds)
    .orderBy('at', 'desc')
    .execute()
}

export function visitsOf(db: Kysely<Database>, residentId: string) {
  return db
    .selectFrom('resident_visits')
    .leftJoin('users', 'users.id', 'resident_visits.worker_id')
    .selectAll('resident_visits')
    .select('users.name as worker_name')
    .where('resident_id', '=', residentId)
    .orderBy('at', 'desc')
    .limit(100)
    .execute()
}

export async function insertVisit(db: Kysely<Database>, visit: VisitRow, snoozedUntil: string | null, now: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('resident_visits').values(visit).execute()
    await trx.updateTable('residents').set({ snoozed_until: snoozedUntil, updated_at: now }).where('id', '=', visit.resident_id).execute()
  })
}

export function itemNames(db: Kysely<Database>, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([])
  return db.selectFrom('items').select(['code', 'name']).where('code', 'in', codes).execute()
}

import type { Kysely, Selectable } from 'kysely'
import type {
  ApplicationEventsTable,
  ApplicationMaterialsTable,
  ApplicationsTable,
  Database,
  EvaluationsTable,
  HallsTable,
} from '../../db/schema'

export type ApplicationRow = Selectable<ApplicationsTable>
export type EventRow = Selectable<ApplicationEventsTable>
export type MaterialRow = Selectable<ApplicationMaterialsTable> & { mime: string; size: number }
export type HallRow = Pick<Selectable<HallsTable>, 'id' | 'name' | 'address' | 'phone'>
export type EvaluationRow = Selectable<EvaluationsTable>

export function findItem(db: Kysely<Database>, code: string) {
  return db.selectFrom('items').select(['code', 'name', 'online', 'promised_days', 'materials']).where('code', '=', code).executeTakeFirst()
}

/** Halls that handle the item, in catalog order. */
export function hallsHandling(db: Kysely<Database>, itemCode: string) {
  return db
    .selectFrom('halls')
    .innerJoin('item_halls', 'item_halls.hall_id', 'halls.id')
    .select(['halls.id'])
    .where('item_halls.item_code', '=', itemCode)
    .orderBy('halls.position')
    .execute()
}

export function gridHall(db: Kysely<Database>, gridId: string) {
  return db.selectFrom('grids').select('hall_id').where('id', '=', gridId).executeTakeFirst()
}

export function findHall(db: Kysely<Database>, id: string): Promise<HallRow | undefined> {
  return db.selectFrom('halls').select(['id', 'name', 'address', 'phone']).where('id', '=', id).executeTakeFirst()
}

export function uploadsByIds(db: Kysely<Database>, ids: string[]) {
  return db
    .selectFrom('uploads')
    .leftJoin('application_materials', 'application_materials.upload_id', 'uploads.id')
    .select(['uploads.id', 'uploads.owner_id', 'application_materials.application_id'])
    .where('uploads.id', 'in', ids)
    .execute()
}

export function findByClientKey(db: Kysely<Database>, submittedBy: string, clientKey: string): Promise<ApplicationRow | undefined> {
  return db.selectFrom('applications').selectAll().where('submitted_by', '=', submittedBy).where('client_key', '=', clientKey).executeTakeFirst()
}

export async function noTaken(db: Kysely<Database>, no: string): Promise<boolean> {
  return (await db.selectFrom('applications').select('id').where('no', '=', no).executeTakeFirst()) !== undefined
}

export async function insertApplication(
  db: Kysely<Database>,
  row: ApplicationRow,
  firstEvent: EventRow,
  materials: Selectable<ApplicationMaterialsTable>[],
): Promise<void> {
  await db.insertInto('applications').values(row).execute()
  await db.insertInto('application_events').values(firstEvent).execute()
  if (materials.length > 0) await db.insertInto('application_materials').values(materials).execute()
}

export function findByNo(db: Kysely<Database>, no: string): Promise<ApplicationRow | undefined> {
  return db.selectFrom('applications').selectAll().where('no', '=', no).executeTakeFirst()
}

export function eventsOf(db: Kysely<Database>, applicationIds: string[]): Promise<EventRow[]> {
  if (applicationIds.length === 0) return Promise.resolve([])
  return db.selectFrom('application_events').selectAll().where('application_id', 'in', applicationIds).orderBy('application_id').orderBy('seq').execute()
}

export function materialsOf(db: Kysely<Database>, applicationId: string): Promise<MaterialRow[]> {
  return db
    .selectFrom('application_materials')
    .innerJoin('uploads', 'uploads.id', 'application_materials.upload_id')
    .selectAll('application_materials')
    .select(['uploads.mime', 'uploads.size'])
    .where('application_materials.application_id', '=', applicationId)
    .orderBy('application_materials.position')
    .execute()
}

/** Submitted by me, or for me (the applicant's phone is my account's phone), newest first. */
export function listMine(db: Kysely<Database>, userId: string, phoneHash: string | null, limit: number): Promise<ApplicationRow[]> {
  return db
    .selectFrom('applications')
    .selectAll()
    .where((eb) => {
      const mine = [eb('submitted_by', '=', userId)]
      if (phoneHash) mine.push(eb('applicant_phone_hash', '=', phoneHash))
      return eb.or(mine)
    })
    .orderBy('submitted_at', 'desc')
    .orderBy('no')
    .limit(limit)
    .execute()
}

export async function appendEvent(db: Kysely<Database>, event: EventRow): Promise<void> {
  await db.insertInto('application_events').values(event).execute()
}

export function evaluationsFor(db: Kysely<Database>, targetType: string, targetIds: string[]): Promise<EvaluationRow[]> {
  if (targetIds.length === 0) return Promise.resolve([])
  return db.selectFrom('evaluations').selectAll().where('target_type', '=', targetType).where('target_id', 'in', targetIds).execute()
}

export async function insertEvaluation(db: Kysely<Database>, row: EvaluationRow): Promise<void> {
  await db.insertInto('evaluations').values(row).execute()
}

export function userPhoneHash(db: Kysely<Database>, userId: string) {
  return db.selectFrom('users').select(['phone_hash', 'name', 'role']).where('id', '=', userId).executeTakeFirst()
}

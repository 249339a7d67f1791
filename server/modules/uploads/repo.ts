import type { Kysely } from 'kysely'
import type { Database, UploadsTable } from '../../db/schema'

export type UploadRow = UploadsTable

export async function insertUpload(db: Kysely<Database>, row: UploadRow): Promise<void> {
  await db.insertInto('uploads').values(row).execute()
}

export function findUpload(db: Kysely<Database>, id: string): Promise<UploadRow | undefined> {
  return db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The application an upload is attached to, with who may read it. */
export function findUploadApplication(db: Kysely<Database>, uploadId: string) {
  return db
    .selectFrom('application_materials')
    .innerJoin('applications', 'applications.id', 'application_materials.application_id')
    .select(['applications.id', 'applications.no', 'applications.hall_id', 'applications.applicant_phone_hash', 'applications.submitted_by'])
    .where('application_materials.upload_id', '=', uploadId)
    .executeTakeFirst()
}

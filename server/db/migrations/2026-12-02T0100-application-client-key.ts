import type { Kysely } from 'kysely'

// Frozen once released. The submitter's own key for an application (the Idempotency-Key it was sent with: a door
// draft's id). Idempotency keys are forgotten after 24 hours; a grid worker's draft can wait offline longer than that
// and be sent again after an answer was lost. Unique per submitter, so such a draft still makes one application.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('applications').addColumn('client_key', 'varchar(64)').execute()
  await db.schema.createIndex('applications_client_key').on('applications').columns(['submitted_by', 'client_key']).unique().execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('applications_client_key').execute()
  await db.schema.alterTable('applications').dropColumn('client_key').execute()
}

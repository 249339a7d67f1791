import type { Kysely } from 'kysely'

// Frozen once released. Applications (办件) and their timeline: the timeline is append-only — every status change is
// a new application_events row numbered per application, so nothing is ever overwritten and two staff racing on one
// application collide on the (application_id, seq) key instead of both winning. Applicant personal data is sealed
// as in the accounts migration (*_enc beside an HMAC *_hash for exact lookups).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('uploads')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('owner_id', 'varchar(40)', (c) => c.notNull().references('users.id'))
    .addColumn('mime', 'varchar(32)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('uploads_owner').on('uploads').column('owner_id').execute()

  await db.schema
    .createTable('applications')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('no', 'varchar(24)', (c) => c.notNull().unique())
    .addColumn('item_code', 'varchar(32)', (c) => c.notNull())
    // The item as it was when submitted: a later catalog import must not move a running deadline.
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('online_mode', 'varchar(16)', (c) => c.notNull())
    .addColumn('promised_days', 'integer', (c) => c.notNull())
    .addColumn('hall_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_id_number_enc', 'text', (c) => c.notNull())
    .addColumn('applicant_id_number_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('applicant_phone_enc', 'text', (c) => c.notNull())
    .addColumn('applicant_phone_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('applicant_address_enc', 'text')
    .addColumn('submitted_by', 'varchar(40)', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_by_role', 'varchar(16)', (c) => c.notNull())
    .addColumn('sensitive_consent_at', 'varchar(30)')
    .addColumn('submitted_at', 'varchar(30)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('applications_submitted_by').on('applications').column('submitted_by').execute()
  await db.schema.createIndex('applications_applicant_phone').on('applications').column('applicant_phone_hash').execute()
  await db.schema.createIndex('applications_hall').on('applications').columns(['hall_id', 'submitted_at']).execute()

  await db.schema
    .createTable('application_events')
    .addColumn('application_id', 'varchar(40)', (c) => c.notNull().references('applications.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('stage', 'varchar(24)', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('detail', 'text') // JSON: materials (补正), outcome (决定), delivery (送达)
    .addPrimaryKeyConstraint('application_events_pk', ['application_id', 'seq'])
    .execute()

  await db.schema
    .createTable('application_materials')
    .addColumn('application_id', 'varchar(40)', (c) => c.notNull().references('applications.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    // Unique: an upload belongs to one application only.
    .addColumn('upload_id', 'varchar(40)', (c) => c.notNull().unique().references('uploads.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_materials_pk', ['application_id', 'position'])
    .execute()

  await db.schema
    .createTable('evaluations')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('target_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('target_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(40)', (c) => c.notNull().references('users.id'))
    .addColumn('hall_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull()) // JSON string[]
    .addColumn('comment', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    // Once per service: a second rating is refused by the database, not only by a check before the insert.
    .addUniqueConstraint('evaluations_target', ['target_type', 'target_id'])
    .execute()
  await db.schema.createIndex('evaluations_hall').on('evaluations').columns(['hall_id', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['evaluations', 'application_materials', 'application_events', 'applications', 'uploads']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}

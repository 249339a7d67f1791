import { sql, type Kysely } from 'kysely'

// Frozen once released. The live queue (排队叫号). Numbers come from a per hall/category/day counter row that is
// bumped in the same transaction as the ticket insert, so a rolled-back issue leaves no gap and two concurrent issues
// never share a number (the row lock on PostgreSQL, the single writer on SQLite); the unique key on
// (hall, series, day, seq) refuses a duplicate even if that reasoning were ever wrong.
export async function up(db: Kysely<any>): Promise<void> {
  // Queue categories already exist per hall; they gain the letter their numbers start with and the priority flag
  // (V: 老年人/残疾人/军人 are called before ordinary numbers).
  await db.schema.alterTable('hall_categories').addColumn('prefix', 'varchar(4)', (c) => c.notNull().defaultTo('')).execute()
  await db.schema.alterTable('hall_categories').addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await sql`update hall_categories set prefix = upper(substr(id, 1, 1)), priority = case when id = 'V' then 1 else 0 end`.execute(db)

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('hall_id', 'varchar(64)', (c) => c.notNull().references('halls.id').onDelete('cascade'))
    // The category the ticket now waits in (a transfer moves it) …
    .addColumn('category_id', 'varchar(64)', (c) => c.notNull())
    // … and the one its number was drawn from, which never changes: the unique key below is on this one.
    .addColumn('series', 'varchar(64)', (c) => c.notNull())
    .addColumn('number', 'varchar(16)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    // The hall's version when the ticket was issued: orders tickets of different categories issued in the same
    // millisecond the way they were committed.
    .addColumn('issue_order', 'integer', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull()) // YYYY-MM-DD in Asia/Shanghai
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(40)', (c) => c.references('users.id'))
    .addColumn('appointment_id', 'varchar(40)')
    .addColumn('window', 'integer')
    .addColumn('issued_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('called_at', 'varchar(30)')
    .addColumn('finished_at', 'varchar(30)')
    // Set once the "3 ahead" reminder went out, so several API nodes do not all send it.
    .addColumn('near_reminded_at', 'varchar(30)')
    .addUniqueConstraint('tickets_number', ['hall_id', 'series', 'day', 'seq'])
    .execute()
  await db.schema.createIndex('tickets_hall_status').on('tickets').columns(['hall_id', 'status', 'day']).execute()
  await db.schema.createIndex('tickets_user').on('tickets').column('user_id').execute()
  // At most one active ticket per person per hall, kept by the database (two taps racing both pass a check in code).
  await sql`create unique index tickets_one_active_per_user on tickets (hall_id, user_id)
    where user_id is not null and status in ('waiting', 'called', 'serving')`.execute(db)

  await db.schema
    .createTable('queue_counters')
    .addColumn('hall_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('series', 'varchar(64)', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('queue_counters_pk', ['hall_id', 'series', 'day'])
    .execute()

  // Grows with every change in a hall: snapshots carry it, ETags and live subscribers resync by it.
  await db.schema
    .createTable('queue_versions')
    .addColumn('hall_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute()

  // Windows that differ from the default (open, serving every category of the hall); a missing row is the default.
  await db.schema
    .createTable('queue_windows')
    .addColumn('hall_id', 'varchar(64)', (c) => c.notNull().references('halls.id').onDelete('cascade'))
    .addColumn('no', 'integer', (c) => c.notNull())
    .addColumn('category_ids', 'text') // JSON string[]; null = every category
    .addColumn('open', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('queue_windows_pk', ['hall_id', 'no'])
    .execute()

  // Queue machines already in a hall report through POST /integrations/queue-events with a per-hall key.
  await db.schema
    .createTable('integration_keys')
    .addColumn('key_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('hall_id', 'varchar(64)', (c) => c.notNull().references('halls.id').onDelete('cascade'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(30)')
    .execute()
  await db.schema
    .createTable('integration_events')
    .addColumn('hall_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('event_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('applied_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('integration_events_pk', ['hall_id', 'event_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['integration_events', 'integration_keys', 'queue_windows', 'queue_versions', 'queue_counters', 'tickets']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
  await db.schema.alterTable('hall_categories').dropColumn('priority').execute()
  await db.schema.alterTable('hall_categories').dropColumn('prefix').execute()
}

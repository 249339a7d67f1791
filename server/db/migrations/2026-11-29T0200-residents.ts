import type { Kysely } from 'kysely'

// The grid register (网格居民) and grid workers' visits. Personal data is ciphertext beside a lookup HMAC, as in
// the accounts migration. The birth date stays readable: the eligibility list is computed from it for a whole
// grid at once, and it reveals far less than the ID number it comes from.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('residents')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('grid_id', 'varchar(64)', (c) => c.notNull().references('grids.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sex', 'varchar(8)', (c) => c.notNull())
    .addColumn('birth_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('id_number_enc', 'text', (c) => c.notNull())
    .addColumn('id_number_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('phone_enc', 'text')
    .addColumn('address_enc', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('tags', 'text', (c) => c.notNull()) // JSON ResidentTag[]
    /** Items the resident already receives outside Banshi (from the register), JSON string[]. */
    .addColumn('covered_items', 'text', (c) => c.notNull())
    .addColumn('snoozed_until', 'varchar(10)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('residents_grid').on('residents').columns(['grid_id', 'birth_date']).execute()

  await db.schema
    .createTable('resident_visits')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('resident_id', 'varchar(40)', (c) => c.notNull().references('residents.id'))
    .addColumn('worker_id', 'varchar(40)', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(16)', (c) => c.notNull())
    .addColumn('item_code', 'varchar(32)')
    .addColumn('note', 'text')
    .execute()
  // Applications made at the door: which register entry, and why the worker applied when the rules said not yet.
  await db.schema.alterTable('applications').addColumn('resident_id', 'varchar(40)').execute()
  await db.schema.alterTable('applications').addColumn('eligibility_override', 'text').execute()

  await db.schema.createIndex('resident_visits_resident').on('resident_visits').columns(['resident_id', 'at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('applications').dropColumn('eligibility_override').execute()
  await db.schema.alterTable('applications').dropColumn('resident_id').execute()
  await db.schema.dropTable('resident_visits').execute()
  await db.schema.dropTable('residents').execute()
}

import type { Kysely } from 'kysely'

// Frozen once released: later changes go in new, later-dated files.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('items')
    .addColumn('code', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('legal_days', 'integer', (c) => c.notNull())
    .addColumn('promised_days', 'integer', (c) => c.notNull())
    .addColumn('fee', 'text', (c) => c.notNull())
    .addColumn('visits', 'integer', (c) => c.notNull())
    .addColumn('online', 'text', (c) => c.notNull())
    .addColumn('levels', 'text', (c) => c.notNull())
    .addColumn('anywhere', 'integer', (c) => c.notNull())
    .addColumn('appointment', 'integer', (c) => c.notNull())
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('materials', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.createIndex('items_department').on('items').column('department').execute()

  await db.schema
    .createTable('item_topics')
    .addColumn('item_code', 'varchar(32)', (c) => c.notNull().references('items.code').onDelete('cascade'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_topics_pk', ['item_code', 'topic'])
    .execute()
  await db.schema.createIndex('item_topics_topic').on('item_topics').column('topic').execute()

  await db.schema
    .createTable('halls')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'varchar(16)', (c) => c.notNull())
    .addColumn('parent', 'varchar(64)')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('self_service_24h', 'integer', (c) => c.notNull())
    .addColumn('windows', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('hall_categories')
    .addColumn('hall_id', 'varchar(64)', (c) => c.notNull().references('halls.id').onDelete('cascade'))
    .addColumn('id', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('hall_categories_pk', ['hall_id', 'id'])
    .execute()

  await db.schema
    .createTable('item_halls')
    .addColumn('item_code', 'varchar(32)', (c) => c.notNull().references('items.code').onDelete('cascade'))
    .addColumn('hall_id', 'varchar(64)', (c) => c.notNull().references('halls.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('item_halls_pk', ['item_code', 'hall_id'])
    .execute()
  await db.schema.createIndex('item_halls_hall').on('item_halls').column('hall_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['item_halls', 'hall_categories', 'halls', 'item_topics', 'items']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}

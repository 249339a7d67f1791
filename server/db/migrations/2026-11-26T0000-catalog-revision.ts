import type { Kysely } from 'kysely'

// Frozen once released. One row counting catalog imports: the search index (held in each server's memory)
// compares it with the revision it was built from and rebuilds after `npm run seed` imports a new catalog.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalog_revision')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('catalog_revision').ifExists().execute()
}

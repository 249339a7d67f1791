import type { Kysely } from 'kysely'

// Frozen once released. The normalized name/text columns fed LIKE queries before the in-memory search index
// (server/search) took over matching; nothing reads them any more, and every import paid to write them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('items').dropColumn('search_name').execute()
  await db.schema.alterTable('items').dropColumn('search_text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('items').addColumn('search_name', 'text', (c) => c.notNull().defaultTo('')).execute()
  await db.schema.alterTable('items').addColumn('search_text', 'text', (c) => c.notNull().defaultTo('')).execute()
}

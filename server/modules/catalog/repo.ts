import { sql, type ExpressionBuilder, type Kysely, type SqlBool, type Expression } from 'kysely'
import type { Database, ItemsTable } from '../../db/schema'

/** Browsing filters; a search query (q) goes through the search index instead (server/search). */
export interface ItemFilter {
  topic?: string
  department?: string
  hall?: string
}

type ItemsEb = ExpressionBuilder<Database, 'items'>

/** The item is linked to `value` in a link table (topics, halls). */
function linkedTo(eb: ItemsEb, table: 'item_topics' | 'item_halls', column: 'topic' | 'hall_id', value: string) {
  return eb.exists(
    eb
      .selectFrom(table)
      .select(sql`1`.as('one'))
      .whereRef(`${table}.item_code` as 'item_topics.item_code', '=', 'items.code')
      .where(`${table}.${column}` as 'item_topics.topic', '=', value),
  )
}

function whereFilter(eb: ItemsEb, filter: ItemFilter) {
  const conditions: Expression<SqlBool>[] = []
  if (filter.topic) conditions.push(linkedTo(eb, 'item_topics', 'topic', filter.topic))
  if (filter.department) conditions.push(eb('items.department', '=', filter.department))
  if (filter.hall) conditions.push(linkedTo(eb, 'item_halls', 'hall_id', filter.hall))
  return eb.and(conditions)
}

const summaryColumns = ['code', 'name', 'department', 'topics', 'kind', 'promised_days', 'visits', 'online', 'views'] as const

export type ItemSummaryRow = Pick<ItemsTable, (typeof summaryColumns)[number]> & { views: number }

export async function findItems(
  db: Kysely<Database>,
  filter: ItemFilter,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: ItemSummaryRow[] }> {
  const [countRow, rows] = await Promise.all([
    db
      .selectFrom('items')
      .select(sql<number>`cast(count(*) as integer)`.as('total'))
      .where((eb) => whereFilter(eb, filter))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('items')
      .select(summaryColumns)
      .where((eb) => whereFilter(eb, filter))
      .orderBy('views', 'desc')
      .orderBy('code')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
  ])
  return { total: Number(countRow.total), rows: rows as ItemSummaryRow[] }
}

export function findItemByCode(db: Kysely<Database>, code: string) {
  return db.selectFrom('items').selectAll().where('code', '=', code).executeTakeFirst()
}

export async function itemExists(db: Kysely<Database>, code: string): Promise<boolean> {
  const row = await db.selectFrom('items').select('code').where('code', '=', code).executeTakeFirst()
  return row !== undefined
}

/** What the search index is built from: the summary plus the text it matches on. */
export function searchRows(db: Kysely<Database>) {
  return db
    .selectFrom('items')
    .select([...summaryColumns, 'conditions', 'materials'])
    .orderBy('code')
    .execute()
}

export async function viewCounts(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db.selectFrom('items').select(['code', 'views']).execute()
  return new Map(rows.map((row) => [row.code, Number(row.views)]))
}

export async function catalogRevision(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('catalog_revision').select('revision').where('id', '=', 1).executeTakeFirst()
  return row ? Number(row.revision) : 0
}

export async function itemCodesAtHall(db: Kysely<Database>, hallId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('item_halls').select('item_code').where('hall_id', '=', hallId).execute()
  return new Set(rows.map((row) => row.item_code))
}

export async function topicCounts(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('item_topics')
    .select(['topic', sql<number>`cast(count(*) as integer)`.as('count')])
    .groupBy('topic')
    .orderBy('count', 'desc')
    .orderBy('topic')
    .execute()
  return rows.map((row) => ({ topic: row.topic, count: Number(row.count) }))
}

export async function departmentCounts(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('items')
    .select(['department', sql<number>`cast(count(*) as integer)`.as('count')])
    .groupBy('department')
    .orderBy('count', 'desc')
    .orderBy('department')
    .execute()
  return rows.map((row) => ({ department: row.department, count: Number(row.count) }))
}

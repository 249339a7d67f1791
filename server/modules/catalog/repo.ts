import { sql, type ExpressionBuilder, type Kysely, type SqlBool, type Expression } from 'kysely'
import type { Database, ItemsTable } from '../../db/schema'

export interface ItemFilter {
  terms: string[]
  topic?: string
  department?: string
  hall?: string
}

type ItemsEb = ExpressionBuilder<Database, 'items'>

function likePattern(term: string, mode: 'contains' | 'prefix' = 'contains'): string {
  const escaped = term.replace(/[\\%_]/g, (ch) => `\\${ch}`)
  return mode === 'prefix' ? `${escaped}%` : `%${escaped}%`
}

/** Both sides are already normalized (search columns at import, terms by searchTerms), so no lower() here. */
function like(column: Expression<string>, pattern: string) {
  return sql<SqlBool>`${column} like ${pattern} escape '\\'`
}

/** A term matches an item by name, department or topic (all in search_text), or by its exact code. */
function termMatches(eb: ItemsEb, term: string) {
  return eb.or([like(eb.ref('items.search_text'), likePattern(term)), eb('items.code', '=', term)])
}

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
  const conditions = filter.terms.map((term) => termMatches(eb, term))
  if (filter.topic) conditions.push(linkedTo(eb, 'item_topics', 'topic', filter.topic))
  if (filter.department) conditions.push(eb('items.department', '=', filter.department))
  if (filter.hall) conditions.push(linkedTo(eb, 'item_halls', 'hall_id', filter.hall))
  return eb.and(conditions)
}

/**
 * Plain ranking: the whole query as the name, then as its prefix, then every term in the name, then matches in
 * other fields; ties go to the guide opened most often.
 */
function matchRank(eb: ItemsEb, terms: string[]) {
  const whole = terms.join(' ')
  const name = eb.ref('items.search_name')
  const allInName = eb.and(terms.map((term) => like(name, likePattern(term))))
  return sql<number>`case
    when ${name} = ${whole} then 0
    when ${like(name, likePattern(whole, 'prefix'))} then 1
    when ${allInName} then 2
    else 3 end`
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
      .$if(filter.terms.length > 0, (query) => query.orderBy((eb) => matchRank(eb, filter.terms)))
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

export async function countView(db: Kysely<Database>, code: string): Promise<void> {
  await db.updateTable('items').set((eb) => ({ views: eb('views', '+', 1) })).where('code', '=', code).execute()
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

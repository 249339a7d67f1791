import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, HallsTable, ItemsTable } from '../db/schema'
import { categoryIsPriority, categoryPrefix, type HallRecord, type ItemRecord } from './catalogRecords'

// Rows per INSERT: far below SQLite's bound-variable limit with ~20 columns a row.
const CHUNK = 200

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK))
  return out
}

function itemRow(item: ItemRecord): Omit<ItemsTable, 'views'> {
  return {
    code: item.code,
    name: item.name,
    department: item.department,
    type: item.type,
    audience: JSON.stringify(item.audience),
    kind: item.kind,
    legal_days: item.legalDays,
    promised_days: item.promisedDays,
    fee: JSON.stringify(item.fee),
    visits: item.visits,
    online: item.online,
    levels: JSON.stringify(item.levels),
    anywhere: item.anywhere ? 1 : 0,
    appointment: item.appointment ? 1 : 0,
    conditions: JSON.stringify(item.conditions),
    materials: JSON.stringify(item.materials),
    steps: JSON.stringify(item.steps),
    basis: item.basis,
    phone: item.phone,
    topics: JSON.stringify(item.topics),
  }
}

function hallRow(hall: HallRecord, position: number): HallsTable {
  return {
    id: hall.id,
    name: hall.name,
    level: hall.level,
    parent: hall.parent,
    address: hall.address,
    lat: hall.lat,
    lng: hall.lng,
    phone: hall.phone,
    hours: JSON.stringify(hall.hours),
    self_service_24h: hall.selfService24h ? 1 : 0,
    windows: hall.windows,
    position,
  }
}

/** Halls that handle an item: those at a level the item can be applied for. */
export function hallsForItem(item: ItemRecord, halls: HallRecord[]): string[] {
  return halls.filter((hall) => item.levels.includes(hall.level)).map((hall) => hall.id)
}

/** INSERT … ON CONFLICT (key) DO UPDATE every other column: a re-import replaces the record in place. */
async function upsertRows<T extends 'items' | 'halls'>(
  trx: Transaction<Database>,
  table: T,
  key: 'code' | 'id',
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  for (const batch of chunks(rows)) {
    const columns = Object.keys(batch[0]).filter((column) => column !== key)
    await trx
      .insertInto(table)
      .values(batch as never)
      .onConflict((oc) =>
        oc.column(key as never).doUpdateSet((eb) =>
          Object.fromEntries(columns.map((column) => [column, eb.ref(`excluded.${column}` as never)])) as never,
        ),
      )
      .execute()
  }
}

async function upsertHalls(trx: Transaction<Database>, halls: HallRecord[]): Promise<void> {
  await upsertRows(trx, 'halls', 'id', halls.map(hallRow) as unknown as Array<Record<string, unknown>>)
  await trx.deleteFrom('hall_categories').execute()
  const categoryRows = halls.flatMap((hall) =>
    hall.categories.map((category, position) => ({
      hall_id: hall.id,
      id: category.id,
      name: category.name,
      position,
      prefix: categoryPrefix(category),
      priority: categoryIsPriority(category) ? 1 : 0,
    })),
  )
  for (const batch of chunks(categoryRows)) await trx.insertInto('hall_categories').values(batch).execute()
}

/**
 * Imports a catalog (items + halls) in one transaction: records are upserted by code / id (view counts survive a
 * re-import), topic and hall links are rebuilt, and items or halls missing from the import are removed.
 */
export async function importCatalog(
  db: Kysely<Database>,
  catalog: { items: ItemRecord[]; halls: HallRecord[] },
): Promise<{ items: number; halls: number }> {
  const { items, halls } = catalog
  await db.transaction().execute(async (trx) => {
    await upsertHalls(trx, halls)
    await upsertRows(trx, 'items', 'code', items.map(itemRow))

    await trx.deleteFrom('item_topics').execute()
    await trx.deleteFrom('item_halls').execute()
    const topicRows = items.flatMap((item) => Array.from(new Set(item.topics)).map((topic) => ({ item_code: item.code, topic })))
    for (const batch of chunks(topicRows)) await trx.insertInto('item_topics').values(batch).execute()
    const linkRows = items.flatMap((item) => hallsForItem(item, halls).map((hall_id) => ({ item_code: item.code, hall_id })))
    for (const batch of chunks(linkRows)) await trx.insertInto('item_halls').values(batch).execute()

    const itemCodes = items.map((item) => item.code)
    const hallIds = halls.map((hall) => hall.id)
    // `not in ()` is not valid SQL: an empty list removes everything (links were already rebuilt from it).
    await trx.deleteFrom('items').$if(itemCodes.length > 0, (q) => q.where('code', 'not in', itemCodes)).execute()
    await trx.deleteFrom('halls').$if(hallIds.length > 0, (q) => q.where('id', 'not in', hallIds)).execute()
    await bumpCatalogRevision(trx)
  })
  return { items: items.length, halls: halls.length }
}

/** Tells running servers (whose search index lives in memory) that the catalog changed. */
async function bumpCatalogRevision(trx: Transaction<Database>): Promise<void> {
  await trx
    .insertInto('catalog_revision')
    .values({ id: 1, revision: 1 })
    .onConflict((oc) => oc.column('id').doUpdateSet({ revision: sql<number>`catalog_revision.revision + 1` }))
    .execute()
}

export async function catalogIsEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('items').select('code').limit(1).executeTakeFirst()
  return row === undefined
}

import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'

export function listHalls(db: Kysely<Database>, itemCode?: string) {
  let query = db.selectFrom('halls').selectAll('halls')
  if (itemCode) {
    query = query
      .innerJoin('item_halls', 'item_halls.hall_id', 'halls.id')
      .where('item_halls.item_code', '=', itemCode)
  }
  return query.orderBy('halls.position').execute()
}

export function findHall(db: Kysely<Database>, id: string) {
  return db.selectFrom('halls').selectAll().where('id', '=', id).executeTakeFirst()
}

export function hallCategories(db: Kysely<Database>, hallId: string) {
  return db
    .selectFrom('hall_categories')
    .select(['id', 'name'])
    .where('hall_id', '=', hallId)
    .orderBy('position')
    .execute()
}

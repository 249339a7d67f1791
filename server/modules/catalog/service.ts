import type { Kysely, Selectable } from 'kysely'
import type { Database, ItemsTable } from '../../db/schema'
import type { Clock } from '../../clock'
import type { Guide, ItemList, ItemListQuery, ItemSummary } from '../../../src/domain/contract'
import { searchTerms } from '../../../src/domain/searchQuery'
import { notFound } from '../../errors'
import { toHall } from '../halls/service'
import { listHalls } from '../halls/repo'
import * as repo from './repo'

function toSummary(row: repo.ItemSummaryRow): ItemSummary {
  return {
    code: row.code,
    name: row.name,
    department: row.department,
    topics: JSON.parse(row.topics),
    kind: row.kind as ItemSummary['kind'],
    promisedDays: row.promised_days,
    visits: row.visits,
    online: row.online as ItemSummary['online'],
    views: Number(row.views),
  }
}

function toGuideFields(row: Selectable<ItemsTable>): Omit<Guide, 'halls'> {
  return {
    code: row.code,
    name: row.name,
    department: row.department,
    type: row.type,
    audience: JSON.parse(row.audience),
    topics: JSON.parse(row.topics),
    kind: row.kind as Guide['kind'],
    legalDays: row.legal_days,
    promisedDays: row.promised_days,
    fee: JSON.parse(row.fee),
    visits: row.visits,
    online: row.online as Guide['online'],
    levels: JSON.parse(row.levels),
    anywhere: row.anywhere === 1,
    appointment: row.appointment === 1,
    conditions: JSON.parse(row.conditions),
    materials: JSON.parse(row.materials),
    steps: JSON.parse(row.steps),
    basis: row.basis,
    phone: row.phone,
    views: Number(row.views),
  }
}

export async function searchItems(db: Kysely<Database>, query: ItemListQuery): Promise<ItemList> {
  const { total, rows } = await repo.findItems(
    db,
    { terms: searchTerms(query.q), topic: query.topic, department: query.department, hall: query.hall },
    { limit: query.limit, offset: query.offset },
  )
  return { total, items: rows.map(toSummary) }
}

/** The full guide; opening it counts as a view (ranking ties go to the guides people open most). */
export async function guide(db: Kysely<Database>, clock: Clock, code: string): Promise<Guide> {
  const row = await repo.findItemByCode(db, code)
  if (!row) throw notFound('ITEM_NOT_FOUND')
  const [halls] = await Promise.all([listHalls(db, code), repo.countView(db, code)])
  const now = clock.now()
  return { ...toGuideFields(row), views: Number(row.views) + 1, halls: halls.map((hall) => toHall(hall, now)) }
}

export const topics = repo.topicCounts
export const departments = repo.departmentCounts

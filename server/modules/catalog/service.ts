import type { Kysely, Selectable } from 'kysely'
import type { Database, ItemsTable } from '../../db/schema'
import type { Clock } from '../../clock'
import type { Guide, ItemList, ItemListQuery, ItemSuggestionList, ItemSummary } from '../../../src/domain/contract'
import { ITEM_SUGGESTIONS_MAX } from '../../../src/domain/limits'
import { GOVERNMENT_HOTLINE } from '../../../src/domain/hotline'
import type { ViewTally } from './viewTally'
import type { CatalogSearch } from './catalogSearch'
import { notFound } from '../../errors'
import { toHall, withQueues } from '../halls/service'
import type { QueueStateCache } from '../queue/state'
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

/**
 * Without q (blank counts as none): browse, most viewed first. With q: the search index ranks, the filters narrow,
 * each item says which parts of its name matched, and finding nothing answers with suggestions.
 */
export async function searchItems(db: Kysely<Database>, search: CatalogSearch, query: ItemListQuery): Promise<ItemList> {
  const page = { limit: query.limit, offset: query.offset }
  const filter = { topic: query.topic, department: query.department, hall: query.hall }
  if (!query.q?.trim()) {
    const { total, rows } = await repo.findItems(db, filter, page)
    return { total, items: rows.map(toSummary) }
  }
  const [index, hallItems] = await Promise.all([
    search.current(),
    filter.hall ? repo.itemCodesAtHall(db, filter.hall) : Promise.resolve(null),
  ])
  const { analyzed, hits } = index.search(query.q, {
    accept: (doc) =>
      (!filter.topic || doc.topics.includes(filter.topic)) &&
      (!filter.department || doc.department === filter.department) &&
      (!hallItems || hallItems.has(doc.code)),
  })
  const items = hits
    .slice(page.offset, page.offset + page.limit)
    .map(({ doc }) => ({ ...doc.payload, views: doc.views, highlights: index.highlight(analyzed, doc) }))
  if (hits.length > 0) return { total: hits.length, items }
  return { total: 0, items, suggestions: { topics: index.relatedTopics(analyzed), hotline: GOVERNMENT_HOTLINE } }
}

/** As-you-type completions: names only, the last pinyin syllable may be half typed. */
export async function suggestItems(search: CatalogSearch, q: string | undefined): Promise<ItemSuggestionList> {
  if (!q?.trim()) return { items: [] }
  const index = await search.current()
  const { analyzed, hits } = index.search(q, { typing: true })
  return {
    items: hits
      .slice(0, ITEM_SUGGESTIONS_MAX)
      .map(({ doc }) => ({ code: doc.code, name: doc.name, highlights: index.highlight(analyzed, doc) })),
  }
}

/** The full guide; opening it counts as a view (ranking ties go to the guides people open most). */
export async function guide(
  db: Kysely<Database>,
  search: CatalogSearch,
  views: ViewTally,
  clock: Clock,
  queues: QueueStateCache,
  code: string,
): Promise<Guide> {
  const row = await repo.findItemByCode(db, code)
  if (!row) throw notFound('ITEM_NOT_FOUND')
  const halls = await listHalls(db, code)
  views.count(code)
  search.countView(code)
  const now = clock.now()
  // With live queue figures, so "where can I do this" can weigh the wait as well as the distance.
  const withWait = await withQueues(halls.map((hall) => toHall(hall, now)), queues)
  return { ...toGuideFields(row), views: Number(row.views) + views.unwritten(code), halls: withWait }
}

export const topics = repo.topicCounts
export const departments = repo.departmentCounts

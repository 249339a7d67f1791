import { http, HttpResponse } from 'msw'
import type { DepartmentCount, Guide, ItemList, ItemSuggestionList, TopicCount } from '../../src/domain/contract'
import { hasSearchableText, matchRanges, searchTerms } from '../../src/domain/searchQuery'
import { ITEM_QUERY_MAX, ITEM_SUGGESTIONS_MAX, PAGE_LIMIT_MAX } from '../../src/domain/limits'
import { GOVERNMENT_HOTLINE } from '../../src/domain/hotline'
import { fixtureGuides, toSummary } from '../fixtures/catalog'
import { errorResponse } from './errors'

const API = '*/api/v1'

function countBy(values: string[]): Array<[string, number]> {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return Array.from(counts.entries()).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
}

/** The mock's search: every word somewhere in name, department or topics (the real index does far more). */
function matchesAll(guide: Guide, terms: string[]): boolean {
  return terms.every((term) => [guide.name, guide.department, ...guide.topics].some((field) => field.toLowerCase().includes(term)))
}

function topicsBySize(): string[] {
  return countBy(fixtureGuides.flatMap((g) => g.topics)).map(([topic]) => topic)
}

export const catalogHandlers = [
  http.get(`${API}/items/suggest`, ({ request }) => {
    const q = new URL(request.url).searchParams.get('q') ?? ''
    if (q.length > ITEM_QUERY_MAX) return errorResponse(400, 'VALIDATION_FAILED', [{ field: 'query.q', issue: 'too long' }])
    const terms = searchTerms(q)
    const items = terms.length === 0 ? [] : fixtureGuides.filter((guide) => guide.name.toLowerCase().includes(terms.join('')) || matchesAll(guide, terms))
    const body: ItemSuggestionList = {
      items: items.slice(0, ITEM_SUGGESTIONS_MAX).map(({ code, name }) => ({ code, name, highlights: matchRanges(name, terms) })),
    }
    return HttpResponse.json(body)
  }),

  http.get(`${API}/items`, ({ request }) => {
    const params = new URL(request.url).searchParams
    const limit = Number(params.get('limit') ?? 20)
    const offset = Number(params.get('offset') ?? 0)
    const q = params.get('q') ?? ''
    if (!(limit >= 1 && limit <= PAGE_LIMIT_MAX) || !(offset >= 0) || q.length > ITEM_QUERY_MAX) {
      return errorResponse(400, 'VALIDATION_FAILED', [{ field: 'query', issue: 'out of range' }])
    }
    const terms = searchTerms(q)
    const topic = params.get('topic')
    const department = params.get('department')
    const hall = params.get('hall')
    const searching = terms.length > 0
    const matches = fixtureGuides.filter(
      (guide) =>
        (!searching || (hasSearchableText(q) && matchesAll(guide, terms))) &&
        (!topic || guide.topics.includes(topic)) &&
        (!department || guide.department === department) &&
        (!hall || guide.halls.some((h) => h.id === hall)),
    )
    const items = matches
      .slice(offset, offset + limit)
      .map((guide) => (searching ? { ...toSummary(guide), highlights: matchRanges(guide.name, terms) } : toSummary(guide)))
    const body: ItemList = { total: matches.length, items }
    if (searching && matches.length === 0) body.suggestions = { topics: topicsBySize().slice(0, 4), hotline: GOVERNMENT_HOTLINE }
    return HttpResponse.json(body)
  }),

  http.get(`${API}/items/:code`, ({ params }) => {
    const guide = fixtureGuides.find((g) => g.code === params.code)
    return guide ? HttpResponse.json(guide) : errorResponse(404, 'ITEM_NOT_FOUND')
  }),

  http.get(`${API}/topics`, () => {
    const body: TopicCount[] = countBy(fixtureGuides.flatMap((g) => g.topics)).map(([topic, count]) => ({ topic, count }))
    return HttpResponse.json(body)
  }),

  http.get(`${API}/departments`, () => {
    const body: DepartmentCount[] = countBy(fixtureGuides.map((g) => g.department)).map(([department, count]) => ({
      department,
      count,
    }))
    return HttpResponse.json(body)
  }),
]

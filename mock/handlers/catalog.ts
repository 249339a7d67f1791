import { http, HttpResponse } from 'msw'
import type { DepartmentCount, ItemList, TopicCount } from '../../src/domain/contract'
import { searchTerms } from '../../src/domain/searchQuery'
import { ITEM_QUERY_MAX, PAGE_LIMIT_MAX } from '../../src/domain/limits'
import { fixtureGuides, fixtureHalls, toSummary } from '../fixtures/catalog'
import { errorResponse } from './errors'

const API = '*/api/v1'

function countBy(values: string[]): Array<[string, number]> {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return Array.from(counts.entries()).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
}

export const catalogHandlers = [
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
    const matches = fixtureGuides.filter(
      (guide) =>
        terms.every((term) => [guide.name, guide.department, ...guide.topics].some((field) => field.toLowerCase().includes(term))) &&
        (!topic || guide.topics.includes(topic)) &&
        (!department || guide.department === department) &&
        (!hall || guide.halls.some((h) => h.id === hall)),
    )
    const body: ItemList = { total: matches.length, items: matches.slice(offset, offset + limit).map(toSummary) }
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

  http.get(`${API}/halls`, () => HttpResponse.json(fixtureHalls)),

  http.get(`${API}/halls/:id`, ({ params }) => {
    const hall = fixtureHalls.find((h) => h.id === params.id)
    if (!hall) return errorResponse(404, 'HALL_NOT_FOUND')
    return HttpResponse.json({
      ...hall,
      windows: 12,
      hours: { 'mon-fri': [['09:00', '12:00'], ['14:00', '18:00']] },
      categories: [
        { id: 'A', name: '综合受理' },
        { id: 'V', name: '优先窗口(老年人/残疾人/军人)' },
      ],
    })
  }),
]

import { http, HttpResponse, delay } from 'msw'
import { server } from '../../../mock/node'
import { listKey, PAGE_SIZE, useItemListsStore } from '@/stores/itemLists'
import type { ItemSummary } from '@/domain/contract'

const API = 'http://banshi.test/api/v1'

function summaries(count: number, from = 0): ItemSummary[] {
  return Array.from({ length: count }, (_, i) => ({
    code: String(100000000000 + from + i),
    name: `事项${from + i}`,
    department: '龙华区民政局',
    topics: ['养老服务'],
    kind: '承诺件' as const,
    promisedDays: 5,
    visits: 1,
    online: '全程网办' as const,
    views: 0,
  }))
}

const listOf = (filter: object) => useItemListsStore.getState().lists[listKey(filter)]

describe('item lists store', () => {
  it('loads the first page, then appends further pages without duplicates', async () => {
    server.use(
      http.get(`${API}/items`, ({ request }) => {
        const offset = Number(new URL(request.url).searchParams.get('offset'))
        return HttpResponse.json({ total: 45, items: summaries(Math.min(PAGE_SIZE, 45 - offset), offset) })
      }),
    )
    const filter = { topic: '养老服务' }
    await useItemListsStore.getState().load(filter)
    expect(listOf(filter)).toMatchObject({ status: 'ready', total: 45 })
    expect(listOf(filter).items).toHaveLength(20)
    await useItemListsStore.getState().loadMore(filter)
    await useItemListsStore.getState().loadMore(filter)
    expect(listOf(filter).items).toHaveLength(45)
    await useItemListsStore.getState().loadMore(filter)
    expect(new Set(listOf(filter).items.map((item) => item.code)).size).toBe(45)
  })

  it('keeps each query in its own list, so a slow answer for an old query cannot replace a new one', async () => {
    server.use(
      http.get(`${API}/items`, async ({ request }) => {
        const q = new URL(request.url).searchParams.get('q')
        if (q === '身') await delay(200)
        return HttpResponse.json({ total: 1, items: summaries(1, q === '身' ? 0 : 1) })
      }),
    )
    const slow = useItemListsStore.getState().load({ q: '身' })
    await useItemListsStore.getState().load({ q: '身份证' })
    await slow
    expect(listOf({ q: '身份证' }).items[0].name).toBe('事项1')
    expect(listOf({ q: '身' }).items[0].name).toBe('事项0')
  })

  it('keeps the loaded page when the next page fails, with the error to retry', async () => {
    let fail = false
    server.use(
      http.get(`${API}/items`, ({ request }) => {
        const offset = Number(new URL(request.url).searchParams.get('offset'))
        if (fail) return HttpResponse.json({ error: { code: 'VALIDATION_FAILED', message: '填写的内容有误,请检查后重试' } }, { status: 400 })
        return HttpResponse.json({ total: 30, items: summaries(20, offset) })
      }),
    )
    const filter = { department: '龙华区民政局' }
    await useItemListsStore.getState().load(filter)
    fail = true
    await useItemListsStore.getState().loadMore(filter)
    expect(listOf(filter)).toMatchObject({ status: 'ready', loadingMore: false })
    expect(listOf(filter).items).toHaveLength(20)
    expect(listOf(filter).error?.code).toBe('VALIDATION_FAILED')
  })

  it('does not record an error when the request was aborted on purpose, and loads again next time', async () => {
    server.use(http.get(`${API}/items`, () => new Promise(() => {})))
    const controller = new AbortController()
    const pending = useItemListsStore.getState().load({ q: '社保' }, { signal: controller.signal })
    controller.abort()
    await pending
    expect(listOf({ q: '社保' }).status).toBe('idle')
    expect(listOf({ q: '社保' }).error).toBeUndefined()
  })
})

describe('item lists memory', () => {
  it('keeps only the most recent lists, so typing all day does not grow memory without bound', async () => {
    server.use(http.get(`${API}/items`, () => HttpResponse.json({ total: 0, items: [] })))
    for (let i = 0; i < 40; i++) await useItemListsStore.getState().load({ q: `查询${i}` })
    const keys = Object.keys(useItemListsStore.getState().lists)
    expect(keys).toHaveLength(30)
    expect(listOf({ q: '查询39' }).status).toBe('ready')
    expect(listOf({ q: '查询0' })).toBeUndefined()
  })
})

import { http, HttpResponse } from 'msw'
import { server } from '../../../mock/node'
import { fetchDepartments, fetchGuide, fetchTopics, searchItems } from '@/api/catalog'
import { ApiError, RequestCanceled } from '@/api/apiError'

const API = 'http://banshi.test/api/v1'

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    return error as ApiError
  }
  throw new Error('expected the call to fail')
}

describe('catalog API client', () => {
  it('sends the search and paging parameters and returns the typed list', async () => {
    let seen: URL | null = null
    server.use(
      http.get(`${API}/items`, ({ request }) => {
        seen = new URL(request.url)
        return HttpResponse.json({ total: 0, items: [] })
      }),
    )
    await searchItems({ q: '身份证', topic: '证件办理', limit: 20, offset: 40, department: '' })
    expect(seen!.searchParams.get('q')).toBe('身份证')
    expect(seen!.searchParams.get('topic')).toBe('证件办理')
    expect(seen!.searchParams.get('offset')).toBe('40')
    expect(seen!.searchParams.has('department')).toBe(false)
  })

  it('reads guides, topics and departments through the mini-program request path', async () => {
    const guide = await fetchGuide('010100010000')
    expect(guide.name).toBe('居民身份证申领')
    expect(guide.halls.length).toBeGreaterThan(0)
    expect(await fetchTopics()).toContainEqual({ topic: '证件办理', count: 2 })
    expect((await fetchDepartments())[0].department).toBe('深圳市公安局龙华分局')
  })

  it('turns the error contract into an ApiError carrying the server message', async () => {
    const error = await failure(fetchGuide('999999999999'))
    expect(error).toBeInstanceOf(ApiError)
    expect(error.code).toBe('ITEM_NOT_FOUND')
    expect(error.status).toBe(404)
    expect(error.message).toMatch(/没有找到这个事项/)
    expect(error.retryable).toBe(false)
  })

  it('keeps the invalid fields of a VALIDATION_FAILED answer', async () => {
    const error = await failure(searchItems({ limit: 500 }))
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.fields.length).toBeGreaterThan(0)
  })

  it('maps a server error without a body to a friendly retryable message', async () => {
    server.use(http.get(`${API}/topics`, () => new HttpResponse('<html>bad gateway</html>', { status: 502 })))
    const error = await failure(fetchTopics())
    expect(error.code).toBe('SERVICE_UNAVAILABLE')
    expect(error.message).toBe('服务暂时不可用,请稍后再试')
    expect(error.retryable).toBe(true)
  })

  it('retries a read on a dropped connection before giving up', async () => {
    let calls = 0
    server.use(
      http.get(`${API}/topics`, () => {
        calls += 1
        return calls < 3 ? HttpResponse.error() : HttpResponse.json([{ topic: '证件办理', count: 1 }])
      }),
    )
    await expect(fetchTopics()).resolves.toEqual([{ topic: '证件办理', count: 1 }])
    expect(calls).toBe(3)
  })

  it('reports NETWORK_ERROR when the connection stays down', async () => {
    server.use(http.get(`${API}/topics`, () => HttpResponse.error()))
    const error = await failure(fetchTopics())
    expect(error.code).toBe('NETWORK_ERROR')
    expect(error.message).toMatch(/网络不给力/)
  })

  it('rejects with RequestCanceled, not an error to show, when the caller aborts', async () => {
    const controller = new AbortController()
    server.use(http.get(`${API}/items`, async () => new Promise(() => {})))
    const pending = searchItems({ q: '社保' }, controller.signal)
    controller.abort()
    await expect(pending).rejects.toBeInstanceOf(RequestCanceled)
  })
})

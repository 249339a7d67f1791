// index.html fetches the guide a link opens before the app's scripts arrive; the app must use that answer once,
// and fall back to its own request (with its errors in the person's language) for anything but a guide.
import { http, HttpResponse } from 'msw'
import { server } from '../../../mock/node'
import { fetchGuide } from '@/api/catalog'
import { ApiError } from '@/api/apiError'
import type { Guide } from '@/domain/contract'

const API = 'http://banshi.test/api/v1'
const CODE = '010100010000'

function fetchedEarly(response: Promise<unknown>): void {
  response.catch(() => undefined)
  ;(window as unknown as { __banshiEarly: Record<string, Promise<unknown>> }).__banshiEarly = { [`/items/${CODE}`]: response }
}

function countGuideRequests(): { count: number } {
  const requests = { count: 0 }
  server.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname === `/api/v1/items/${CODE}`) requests.count += 1
  })
  return requests
}

afterEach(() => {
  delete (window as unknown as { __banshiEarly?: unknown }).__banshiEarly
  server.events.removeAllListeners()
})

describe('a guide fetched early by index.html', () => {
  it('is used instead of asking again, once: a later load asks the server', async () => {
    const early = { ...(await fetchGuide(CODE)), name: '早到的指南' } as Guide
    const requests = countGuideRequests()
    fetchedEarly(Promise.resolve(early))
    await expect(fetchGuide(CODE)).resolves.toMatchObject({ name: '早到的指南' })
    expect(requests.count).toBe(0)
    await expect(fetchGuide(CODE)).resolves.toMatchObject({ name: '居民身份证申领' })
    expect(requests.count).toBe(1)
  })

  it('is not used for another guide', async () => {
    fetchedEarly(Promise.resolve({ name: '别的指南' }))
    await expect(fetchGuide('020200010000')).resolves.toMatchObject({ name: '高龄老人津贴申领' })
  })

  it('leaves a failure to the app’s own request, which reports it the usual way', async () => {
    server.use(
      http.get(`${API}/items/${CODE}`, () =>
        HttpResponse.json({ error: { code: 'ITEM_NOT_FOUND', message: '没有找到这个事项' } }, { status: 404 }),
      ),
    )
    const requests = countGuideRequests()
    fetchedEarly(Promise.reject(new Error('HTTP 404')))
    const error = await fetchGuide(CODE).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('ITEM_NOT_FOUND')
    expect(requests.count).toBe(1)
  })
})

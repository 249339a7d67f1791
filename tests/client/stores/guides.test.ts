import { http, HttpResponse } from 'msw'
import { server } from '../../../mock/node'
import { useGuidesStore } from '@/stores/guides'

const API = 'http://banshi.test/api/v1'
const guideOf = (code: string) => useGuidesStore.getState().byCode[code]

describe('guides store', () => {
  it('loads a guide once and serves it from memory afterwards', async () => {
    let calls = 0
    server.events.on('request:start', () => {
      calls += 1
    })
    await useGuidesStore.getState().load('010100010000')
    await useGuidesStore.getState().load('010100010000')
    server.events.removeAllListeners()
    expect(guideOf('010100010000')).toMatchObject({ status: 'ready', data: { name: '居民身份证申领' } })
    expect(calls).toBe(1)
  })

  it('keeps showing the guide it has when a refresh fails', async () => {
    await useGuidesStore.getState().load('010300010000')
    server.use(http.get(`${API}/items/:code`, () => HttpResponse.json({ error: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用,请稍后再试' } }, { status: 503 })))
    await useGuidesStore.getState().load('010300010000', { refresh: true })
    const state = guideOf('010300010000')
    expect(state.status).toBe('error')
    expect(state.data?.name).toBe('居住证申领')
    expect(state.error?.code).toBe('SERVICE_UNAVAILABLE')
  }, 10_000)

  it('records ITEM_NOT_FOUND for an unknown code', async () => {
    await useGuidesStore.getState().load('999999999999')
    expect(guideOf('999999999999')).toMatchObject({ status: 'error', error: { code: 'ITEM_NOT_FOUND' } })
  })
})

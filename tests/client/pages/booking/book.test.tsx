import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import Taro from '@tarojs/taro'
import { server } from '../../../../mock/node'
import { errorResponse, errorResponseWithDetails } from '../../../../mock/handlers/errors'
import { mockAppointments, mockBookedCount } from '../../../../mock/handlers/appointments'
import { FIRST_DAY, FULL_DAY, slotId } from '../../../../mock/fixtures/appointments'
import { setRouterParams } from '../../../support/taro'
import BookPage from '@/packages/booking/book/index'
import GuidePage from '@/pages/guide/index'
import { useAppointmentsStore } from '@/stores/appointments'
import { API, fixTheClock, signIn, VALID_ID } from './support'

jest.setTimeout(30_000)
beforeEach(fixTheClock)
afterEach(() => jest.useRealTimers())

const ITEM = '010100010000'

function bookingRequests() {
  const seen: Array<{ key: string; slotId: string }> = []
  server.events.on('request:start', async ({ request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/appointments')) {
      const body = (await request.clone().json()) as { slotId: string }
      seen.push({ key: request.headers.get('idempotency-key') ?? '', slotId: body.slotId })
    }
  })
  return seen
}

async function openSignedIn(params: Record<string, string> = { item: ITEM }) {
  await signIn()
  setRouterParams(params)
  render(<BookPage />)
  await screen.findByRole('heading', { level: 1, name: '预约:居民身份证申领' })
}

/** Hall, first day, 09:00, details: the way to the confirm step. */
async function chooseAndFill(user: ReturnType<typeof userEvent.setup>, time = /^09:00–09:30/) {
  await user.click(screen.getByRole('button', { name: /龙华区行政服务大厅/ }))
  await user.click(await screen.findByRole('button', { name: /明天 11月26日 周四,余21个/ }))
  await user.click(await screen.findByRole('button', { name: time }))
  await user.click(screen.getByRole('button', { name: '下一步:填写预约人信息' }))
  await user.type(screen.getByRole('textbox', { name: '姓名' }), '张三')
  await user.type(screen.getByRole('textbox', { name: '身份证号' }), VALID_ID)
  await user.click(screen.getByRole('button', { name: '下一步:核对预约' }))
  await screen.findByRole('heading', { name: '核对预约信息' })
  await user.click(screen.getByRole('checkbox', { name: '我同意提交身份证号等个人信息用于预约' }))
}

describe('预约办理', () => {
  it('the guide of a bookable item leads to booking', async () => {
    setRouterParams({ code: ITEM })
    render(<GuidePage />)
    await userEvent.setup().click(await screen.findByRole('button', { name: '预约办理' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/booking/book/index?item=${ITEM}` })
  })

  it('asks to sign in first and comes back here afterwards', async () => {
    setRouterParams({ item: ITEM, hall: 'lh-minzhi' })
    render(<BookPage />)
    await userEvent.setup().click(screen.getByRole('button', { name: '登录' }))
    const back = encodeURIComponent(`/packages/booking/book/index?item=${ITEM}&hall=lh-minzhi`)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/login/index?back=${back}` })
  })

  it('books: hall, day, a slot with places left, checked and prefilled details, confirm', async () => {
    const user = userEvent.setup()
    const requests = bookingRequests()
    await openSignedIn()
    // Both halls handle the item; nothing is chosen for the person.
    expect(screen.getAllByRole('button', { name: /行政服务大厅/ })).toHaveLength(2)
    await user.click(screen.getByRole('button', { name: /龙华区行政服务大厅/ }))
    expect(await screen.findByRole('button', { name: /11月27日 周五,已约满/ })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: /明天 11月26日 周四,余21个/ }))
    // A full slot is shown but cannot be chosen.
    expect(await screen.findByRole('listitem', { name: '09:30–10:00,已约满' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^09:30–10:00/ })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: '10:00–10:30,余1个' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '09:00–09:30,余5个' }))
    expect(screen.getByText('已选:明天 11月26日 周四 09:00–09:30')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '下一步:填写预约人信息' }))

    // The signed-in person's phone is filled in; the ID number is checked here before anything is sent.
    expect(screen.getByRole('textbox', { name: '手机号' })).toHaveValue('13812345678')
    await user.type(screen.getByRole('textbox', { name: '身份证号' }), '110105194912310021')
    await user.click(screen.getByRole('button', { name: '下一步:核对预约' }))
    expect(screen.getByText('请填写姓名')).toBeInTheDocument()
    expect(screen.getByText('身份证号码校验位不正确,请逐位核对')).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('预约人信息有误,请按提示修改')
    await user.type(screen.getByRole('textbox', { name: '姓名' }), '张三')
    await user.clear(screen.getByRole('textbox', { name: '身份证号' }))
    await user.type(screen.getByRole('textbox', { name: '身份证号' }), VALID_ID)
    await user.click(screen.getByRole('button', { name: '下一步:核对预约' }))

    expect(await screen.findByRole('heading', { name: '核对预约信息' })).toBeInTheDocument()
    expect(screen.getByText('时间:明天 11月26日 周四 09:00–09:30')).toBeInTheDocument()
    expect(screen.getByText('身份证号:1101**********002X')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '确认预约' }))
    expect(screen.getByText('请先阅读并勾选同意')).toBeInTheDocument()
    expect(requests).toHaveLength(0)
    await user.click(screen.getByRole('checkbox', { name: '我同意提交身份证号等个人信息用于预约' }))
    await user.click(screen.getByRole('button', { name: '确认预约' }))

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled())
    const created = mockAppointments().at(-1)!
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/packages/booking/detail/index?id=${created.id}` })
    expect(created.name).toBe('张三')
    expect(mockBookedCount(slotId('lh-district', FIRST_DAY, '09:00'))).toBe(1)
    expect(useAppointmentsStore.getState().justBooked).toBe(created.id)
    expect(requests).toHaveLength(1)
    expect(requests[0].key).toMatch(/^[\x21-\x7e]{1,64}$/)
  })

  it('sends the same Idempotency-Key when the same booking is retried after a failure', async () => {
    const user = userEvent.setup()
    const requests = bookingRequests()
    await openSignedIn()
    await chooseAndFill(user)
    server.use(http.post(`${API}/appointments`, () => errorResponse(503, 'SERVICE_UNAVAILABLE'), { once: true }))
    await user.click(screen.getByRole('button', { name: '确认预约' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('服务暂时不可用')
    await user.click(screen.getByRole('button', { name: '重新提交' }))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled())
    expect(requests.map((r) => r.slotId)).toEqual([slotId('lh-district', FIRST_DAY, '09:00'), slotId('lh-district', FIRST_DAY, '09:00')])
    expect(requests[1].key).toBe(requests[0].key)
    // Exactly one appointment came of the two attempts.
    expect(mockAppointments().filter((a) => a.slot.id === slotId('lh-district', FIRST_DAY, '09:00'))).toHaveLength(1)
  })

  it('on SLOT_FULL refreshes the places and keeps what was typed; the next attempt has a new key', async () => {
    const user = userEvent.setup()
    const requests = bookingRequests()
    await openSignedIn()
    await chooseAndFill(user)
    server.use(http.post(`${API}/appointments`, () => errorResponse(409, 'SLOT_FULL'), { once: true }))
    let slotLoads = 0
    server.events.on('request:start', ({ request }) => {
      if (request.url.includes('/slots?')) slotLoads += 1
    })
    await user.click(screen.getByRole('button', { name: '确认预约' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('该时段已约满,请选择其他时段')
    expect(alert).toHaveTextContent('已为您刷新剩余名额,请重新选择。')
    expect(await screen.findByRole('button', { name: '14:00–14:30,余5个' })).toBeInTheDocument()
    expect(slotLoads).toBeGreaterThan(0)
    await user.click(screen.getByRole('button', { name: '14:00–14:30,余5个' }))
    await user.click(screen.getByRole('button', { name: '下一步:填写预约人信息' }))
    expect(screen.getByRole('textbox', { name: '姓名' })).toHaveValue('张三')
    expect(screen.getByRole('textbox', { name: '身份证号' })).toHaveValue(VALID_ID)
    await user.click(screen.getByRole('button', { name: '下一步:核对预约' }))
    await user.click(await screen.findByRole('button', { name: '确认预约' }))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled())
    expect(requests).toHaveLength(2)
    expect(requests[1].key).not.toBe(requests[0].key)
  })

  it('says until when booking is suspended, and where to find a duplicate booking', async () => {
    const user = userEvent.setup()
    await openSignedIn()
    await chooseAndFill(user)
    server.use(http.post(`${API}/appointments`, () => errorResponseWithDetails(403, 'BOOKING_SUSPENDED', { until: '2026-12-02T10:00:00+08:00' }), { once: true }))
    await user.click(screen.getByRole('button', { name: '确认预约' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('30天内3次预约未到,网上预约已暂停7天')
    expect(alert).toHaveTextContent('12月2日 周三 10:00 之后可以重新网上预约。')

    server.use(http.post(`${API}/appointments`, () => errorResponse(409, 'DUPLICATE_BOOKING'), { once: true }))
    await user.click(screen.getByRole('button', { name: '确认预约' }))
    expect(await screen.findByText(/您当天已经预约过这个事项了/)).toBeInTheDocument()
    await user.click(screen.getByRole('link', { name: '查看我的预约 ›' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/booking/mine/index' })
  })

  it('sends a slot that has just passed back to choosing, with the reason', async () => {
    const user = userEvent.setup()
    await openSignedIn()
    await chooseAndFill(user)
    server.use(http.post(`${API}/appointments`, () => errorResponse(409, 'SLOT_IN_PAST'), { once: true }))
    await user.click(screen.getByRole('button', { name: '确认预约' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('这个时段已经过去或不在办公时间')
    expect(screen.getByRole('heading', { level: 2, name: '选择时间' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '下一步:填写预约人信息' })).not.toBeInTheDocument()
  })

  it('offers the waitlist on a full day and joins it', async () => {
    const user = userEvent.setup()
    await openSignedIn({ item: ITEM, hall: 'lh-district' })
    await user.click(await screen.findByRole('button', { name: /11月27日 周五,已约满/ }))
    expect(screen.getByText(/这一天已经约满/)).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: '选择时间' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '加入这一天的候补' }))
    await user.type(screen.getByRole('textbox', { name: '姓名' }), '张三')
    await user.type(screen.getByRole('textbox', { name: '身份证号' }), VALID_ID)
    await user.click(screen.getByRole('button', { name: '下一步:核对预约' }))
    expect(await screen.findByRole('heading', { name: '核对候补信息' })).toBeInTheDocument()
    expect(screen.getByText('日期:11月27日 周五')).toBeInTheDocument()
    await user.click(screen.getByRole('checkbox', { name: '我同意提交身份证号等个人信息用于预约' }))
    await user.click(screen.getByRole('button', { name: '确认加入候补' }))
    const status = await screen.findByRole('status')
    expect(within(status).getByRole('heading', { name: '已加入候补' })).toBeInTheDocument()
    expect(status).toHaveTextContent('龙华区行政服务大厅 11月27日 周五:您前面还有 0 人')
  })

  it('books a place the waitlist holds for the person, although the day shows as full', async () => {
    const user = userEvent.setup()
    const held = slotId('lh-district', FULL_DAY, '10:00')
    await openSignedIn({ item: ITEM, hall: 'lh-district', date: FULL_DAY, slot: held })
    expect(await screen.findByRole('listitem', { name: '09:00–09:30,已约满' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '加入这一天的候补' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '10:00–10:30,为您保留' }))
    await user.click(screen.getByRole('button', { name: '下一步:填写预约人信息' }))
    await user.type(screen.getByRole('textbox', { name: '姓名' }), '张三')
    await user.type(screen.getByRole('textbox', { name: '身份证号' }), VALID_ID)
    await user.click(screen.getByRole('button', { name: '下一步:核对预约' }))
    await user.click(await screen.findByRole('checkbox', { name: '我同意提交身份证号等个人信息用于预约' }))
    await user.click(screen.getByRole('button', { name: '确认预约' }))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled())
    expect(mockAppointments().at(-1)!.slot.id).toBe(held)
  })
})

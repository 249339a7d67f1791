import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import Taro from '@tarojs/taro'
import { server } from '../../../../mock/node'
import { errorResponse } from '../../../../mock/handlers/errors'
import { mockBookedCount } from '../../../../mock/handlers/appointments'
import { slotId, UPCOMING_DAY } from '../../../../mock/fixtures/appointments'
import { setRouterParams } from '../../../support/taro'
import AppointmentPage from '@/packages/booking/detail/index'
import { encodeQr } from '@/domain/qrCode'
import { useAppointmentsStore } from '@/stores/appointments'
import { API, fixTheClock, signIn } from './support'

jest.setTimeout(30_000)
beforeEach(fixTheClock)
afterEach(() => jest.useRealTimers())

async function openUpcoming() {
  await signIn()
  setRouterParams({ id: 'apt-upcoming' })
  render(<AppointmentPage />)
  await screen.findByRole('heading', { level: 1, name: '居民身份证申领' })
}

function withPosition(lat: number, lng: number) {
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: { getCurrentPosition: (success: (fix: { coords: { latitude: number; longitude: number } }) => void) => success({ coords: { latitude: lat, longitude: lng } }) },
  })
}

describe('预约详情', () => {
  it('shows the code big, its QR code, the time, the hall and what to bring', async () => {
    await openUpcoming()
    expect(screen.getByText('A7K3M9Q2')).toBeInTheDocument()
    expect(screen.getByText('12月1日 周二 14:00–14:30')).toBeInTheDocument()
    const qr = screen.getByRole('img', { name: '预约码二维码,预约码 A7K3M9Q2' })
    // The SVG draws exactly the encoder's dark modules.
    const squares = qr.querySelector('path')!.getAttribute('d')!.match(/M/g)!.length
    expect(squares).toBe(encodeQr('A7K3M9Q2').dark.flat().filter(Boolean).length)
    expect(screen.getByText('深圳市龙华区龙华街道梅龙大道与人民路交汇处龙华区政务服务中心1-3楼')).toBeInTheDocument()
    expect(await screen.findByText('居民户口簿')).toBeInTheDocument()
    const openMap = jest.spyOn(window, 'open').mockImplementation(() => null)
    await userEvent.setup().click(await screen.findByRole('button', { name: '导航到大厅' }))
    expect(openMap.mock.calls[0][0]).toContain('uri.amap.com/marker?position=114.0297%2C22.6566')
  })

  it('is the confirmation right after booking', async () => {
    await signIn()
    const fresh = (await (await fetch(`${API}/appointments/apt-upcoming`, { headers: { authorization: 'Bearer mock-access-1' } })).json())
    useAppointmentsStore.getState().booked(fresh)
    setRouterParams({ id: 'apt-upcoming' })
    render(<AppointmentPage />)
    expect(screen.getByRole('heading', { level: 1, name: '预约成功' })).toBeInTheDocument()
  })

  it('cancels after asking', async () => {
    const user = userEvent.setup()
    await openUpcoming()
    const booked = mockBookedCount(slotId('lh-district', UPCOMING_DAY, '14:00'))
    await user.click(screen.getByRole('button', { name: '取消预约' }))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '取消预约', content: expect.stringContaining('12月1日 周二 14:00–14:30') }))
    expect(await screen.findByText('已取消')).toBeInTheDocument()
    expect(mockBookedCount(slotId('lh-district', UPCOMING_DAY, '14:00'))).toBe(booked - 1)
    expect(screen.queryByRole('button', { name: '取消预约' })).not.toBeInTheDocument()
    expect(screen.queryByRole('img', { name: /二维码/ })).not.toBeInTheDocument()
  })

  it('keeps the appointment when the person says no to cancelling, and says why when it is too late', async () => {
    const user = userEvent.setup()
    await openUpcoming()
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    await user.click(screen.getByRole('button', { name: '取消预约' }))
    expect(screen.getByText('已预约')).toBeInTheDocument()
    server.use(http.post(`${API}/appointments/:id/cancel`, () => errorResponse(409, 'TOO_LATE_TO_CANCEL')))
    await user.click(screen.getByRole('button', { name: '取消预约' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('开始前30分钟内不能取消或改期')
  })

  it('reschedules to another slot', async () => {
    const user = userEvent.setup()
    await openUpcoming()
    await user.click(screen.getByRole('button', { name: '改期' }))
    // The day of the appointment is chosen; its own slot is not offered again.
    await screen.findByRole('button', { name: '09:00–09:30,余5个' })
    expect(screen.queryByRole('button', { name: /^14:00–14:30/ })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '09:00–09:30,余5个' }))
    await user.click(screen.getByRole('button', { name: '改到 12月1日 周二 09:00–09:30' }))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认改期' }))
    expect(await screen.findByText('12月1日 周二 09:00–09:30')).toBeInTheDocument()
    expect(mockBookedCount(slotId('lh-district', UPCOMING_DAY, '09:00'))).toBe(1)
    expect(mockBookedCount(slotId('lh-district', UPCOMING_DAY, '14:00'))).toBe(0)
  })

  it('a full slot while rescheduling keeps the old time and refreshes the places', async () => {
    const user = userEvent.setup()
    await openUpcoming()
    await user.click(screen.getByRole('button', { name: '改期' }))
    await user.click(await screen.findByRole('button', { name: '09:00–09:30,余5个' }))
    server.use(http.post(`${API}/appointments/:id/reschedule`, () => errorResponse(409, 'SLOT_FULL'), { once: true }))
    await user.click(screen.getByRole('button', { name: '改到 12月1日 周二 09:00–09:30' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('该时段已约满')
    expect(screen.getByText('12月1日 周二 14:00–14:30')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^改到/ })).not.toBeInTheDocument()
  })

  it('says "I am running late" before the start', async () => {
    const user = userEvent.setup()
    await openUpcoming()
    await user.click(screen.getByRole('button', { name: '我会晚到' }))
    expect(await screen.findByText(/您已说明会晚到/)).toBeInTheDocument()
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已告诉大厅您会晚到' }))
    expect(screen.queryByRole('button', { name: '我会晚到' })).not.toBeInTheDocument()
  })

  it('checks in with the code on the poster when the browser cannot scan, and links to the queue ticket', async () => {
    const user = userEvent.setup()
    await openUpcoming()
    // jsdom has no BarcodeDetector: no scan button, the typed code instead.
    expect(screen.queryByRole('button', { name: '扫大厅二维码签到' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '用签到码签到' }))
    expect(screen.getByText('请输入签到码')).toBeInTheDocument()
    await user.type(screen.getByRole('textbox', { name: '签到码(二维码下方)' }), 'lh-minzhi')
    await user.click(screen.getByRole('button', { name: '用签到码签到' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('这不是本次预约大厅的签到二维码')
    await user.clear(screen.getByRole('textbox', { name: '签到码(二维码下方)' }))
    await user.type(screen.getByRole('textbox', { name: '签到码(二维码下方)' }), 'lh-district')
    await user.click(screen.getByRole('button', { name: '用签到码签到' }))
    const done = await screen.findByText('已签到,您的排队号是 Y003,前面还有 1 人。')
    expect(screen.getByText('已签到', { selector: '.booking__status' })).toBeInTheDocument()
    await user.click(within(done.parentElement!).getByRole('button', { name: '查看排队号' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=tk-apt-upcoming' })
  })

  it('checks in with "I\'ve arrived" only near the hall', async () => {
    const user = userEvent.setup()
    await openUpcoming()
    withPosition(22.7, 114.2)
    await user.click(screen.getByRole('button', { name: '我已到达大厅' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('您好像还不在大厅附近')
    withPosition(22.6567, 114.0298)
    await user.click(screen.getByRole('button', { name: '我已到达大厅' }))
    expect(await screen.findByText(/您的排队号是 Y003/)).toBeInTheDocument()
  })

  it('adds to the calendar with an .ics file, and shares by copying the link', async () => {
    const user = userEvent.setup()
    await openUpcoming()
    const blobs: Blob[] = []
    URL.createObjectURL = jest.fn((blob: Blob) => (blobs.push(blob), 'blob:ics'))
    URL.revokeObjectURL = jest.fn()
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    await user.click(screen.getByRole('button', { name: '添加到日历' }))
    expect(click).toHaveBeenCalled()
    const ics = await blobs[0].text()
    expect(ics).toContain('DTSTART;TZID=Asia/Shanghai:20261201T140000')
    expect(ics).toContain('SUMMARY:办事预约:居民身份证申领')
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '日历文件已下载,打开即可添加' }))

    const writeText = jest.fn((_text: string) => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } })
    await user.click(screen.getByRole('button', { name: '分享给家人' }))
    await waitFor(() => expect(writeText).toHaveBeenCalled())
    expect(writeText.mock.calls[0][0]).toMatch(/^我预约了居民身份证申领:12月1日 周二 14:00–14:30,龙华区行政服务大厅 http.*\/pages\/guide\/index\?code=010100010000$/)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '链接已复制' })))
  })

  it('someone else’s or an unknown appointment is not found', async () => {
    await signIn()
    setRouterParams({ id: 'nobody' })
    render(<AppointmentPage />)
    expect(await screen.findByRole('alert')).toHaveTextContent('没有找到这个预约')
  })
})

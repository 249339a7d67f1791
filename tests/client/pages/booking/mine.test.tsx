import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import Taro from '@tarojs/taro'
import { server } from '../../../../mock/node'
import { FULL_DAY, slotId } from '../../../../mock/fixtures/appointments'
import { setRouterParams, triggerPullDownRefresh } from '../../../support/taro'
import MyAppointments from '@/packages/booking/mine/index'
import Me from '@/pages/me/index'
import { API, fixTheClock, signIn } from './support'

jest.setTimeout(30_000)
beforeEach(fixTheClock)
afterEach(() => jest.useRealTimers())

async function openMine() {
  await signIn()
  setRouterParams({})
  render(<MyAppointments />)
  await screen.findByRole('heading', { level: 2, name: '即将到来' })
}

const section = (title: string) => screen.getByRole('heading', { level: 2, name: title }).closest('.section') as HTMLElement

describe('我的预约', () => {
  it('is reached from 我的', async () => {
    await signIn()
    render(<Me />)
    await userEvent.setup().click(screen.getByRole('link', { name: '我的预约 ›' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/booking/mine/index' })
  })

  it('asks to sign in first', async () => {
    render(<MyAppointments />)
    await userEvent.setup().click(screen.getByRole('button', { name: '登录' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/login/index?back=${encodeURIComponent('/packages/booking/mine/index')}` })
  })

  it('lists upcoming and past appointments apart, each opening its page', async () => {
    const user = userEvent.setup()
    await openMine()
    const upcoming = within(section('即将到来')).getByRole('link')
    expect(upcoming).toHaveAccessibleName('居民身份证申领,已预约,12月1日 周二 14:00–14:30,龙华区行政服务大厅')
    const past = within(section('以往预约')).getByRole('link')
    expect(past).toHaveAccessibleName(/已办结,11月20日 周五 09:00–09:30/)
    await user.click(upcoming)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/booking/detail/index?id=apt-upcoming' })
  })

  it('shows waitlist places and offers: the held place can be booked until the hold ends', async () => {
    const user = userEvent.setup()
    await openMine()
    const waitlist = section('候补')
    expect(within(waitlist).getByText('您前面还有 2 人')).toBeInTheDocument()
    expect(within(waitlist).getByText('有人取消了 10:00 的名额,为您保留到 明天 11月26日 周四 20:00。')).toBeInTheDocument()
    await user.click(within(waitlist).getByRole('button', { name: '预约这个名额' }))
    const slot = encodeURIComponent(slotId('lh-district', FULL_DAY, '10:00'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/booking/book/index?item=010100010000&hall=lh-district&date=${FULL_DAY}&slot=${slot}` })
  })

  it('leaves the waitlist after asking', async () => {
    const user = userEvent.setup()
    await openMine()
    await user.click(screen.getByRole('button', { name: '退出 11月27日 周五 民治街道行政服务大厅 的候补' }))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '退出候补' }))
    await waitFor(() => expect(screen.queryByText('您前面还有 2 人')).not.toBeInTheDocument())
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已退出候补' }))
  })

  it('says when there is nothing yet and offers a way to book; pull to refresh loads again', async () => {
    server.use(
      http.get(`${API}/appointments`, () => HttpResponse.json([])),
      http.get(`${API}/appointments/waitlist`, () => HttpResponse.json([])),
    )
    await signIn()
    render(<MyAppointments />)
    expect(await screen.findByText('还没有预约')).toBeInTheDocument()
    await userEvent.setup().click(screen.getByRole('button', { name: '找事项' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/search/index' })

    server.resetHandlers()
    act(() => triggerPullDownRefresh())
    expect(await screen.findByRole('heading', { level: 2, name: '即将到来' })).toBeInTheDocument()
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled())
  })
})

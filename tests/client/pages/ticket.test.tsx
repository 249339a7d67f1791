import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import Taro from '@tarojs/taro'
import { setRouterParams, triggerPageHide, triggerPageShow } from '../../support/taro'
import TicketPage from '@/pages/ticket/index'
import { useSessionStore } from '@/stores/session'
import { useMyTicketsStore } from '@/stores/myTickets'
import { takeTicket } from '@/api/queue'

const API = 'http://banshi.test/api/v1'
const staff = { authorization: 'Bearer mock-access-99', 'content-type': 'application/json' }

/** Window 2 calls the next number of 综合受理, as its staff would. */
const windowCalls = (times = 1) =>
  // Inside act: the live frames these calls cause arrive over the (mock) socket and update the page.
  act(async () => {
    for (let i = 0; i < times; i += 1) {
      await fetch(`${API}/staff/halls/lh-district/windows/2/call-next`, { method: 'POST', headers: staff, body: JSON.stringify({ categoryIds: ['A'] }) })
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  })

async function openMyTicket() {
  await act(() => useSessionStore.getState().signInWithSms('13812345678', '123456'))
  const ticket = await takeTicket('lh-district', 'A', 'test-key')
  setRouterParams({ id: ticket.id })
  render(<TicketPage />)
  await screen.findByLabelText('您的号码 A010')
  return ticket
}

let vibrate: jest.Mock
beforeEach(() => {
  vibrate = jest.fn(() => true)
  Object.defineProperty(navigator, 'vibrate', { value: vibrate, configurable: true })
})

describe('ticket page (我的排队号)', () => {
  it('shows the number, hall, category, people ahead and the wait as a range', async () => {
    await openMyTicket()
    expect(screen.getByRole('heading', { level: 1, name: '龙华区行政服务大厅' })).toBeInTheDocument()
    expect(screen.getByText('综合受理')).toBeInTheDocument()
    expect(screen.getByText('A010')).toBeInTheDocument()
    expect(screen.getByText('前面还有 6 人')).toBeInTheDocument()
    expect(screen.getByText('预计等候约 25–40 分钟')).toBeInTheDocument()
    expect(await screen.findByText('实时更新中')).toBeInTheDocument()
  })

  it('reminds with a banner read out at once and a vibration when 3 are ahead, and again when called', async () => {
    await openMyTicket()
    const banner = screen.getByRole('alert')
    expect(banner).toHaveAttribute('aria-live', 'assertive')
    expect(banner).toBeEmptyDOMElement()

    await windowCalls(2)
    expect(await screen.findByText('前面还有 4 人')).toBeInTheDocument()
    expect(vibrate).not.toHaveBeenCalled()
    await windowCalls(1)
    expect(await screen.findByText('前面只剩 3 人了,请回到大厅等候叫号。')).toBeInTheDocument()
    expect(vibrate).toHaveBeenCalledTimes(1)

    await windowCalls(3)
    expect(await screen.findByText('前面还有 0 人')).toBeInTheDocument()
    expect(vibrate).toHaveBeenCalledTimes(1)
    await windowCalls(1)
    expect(await screen.findByText('轮到您了!请到 2 号窗口办理。')).toBeInTheDocument()
    expect(screen.getByText('请到 2 号窗口办理')).toBeInTheDocument()
    expect(vibrate).toHaveBeenCalledTimes(2)
    expect(screen.queryByRole('button', { name: '取消排队' })).not.toBeInTheDocument()
  })

  it('cancels only after the citizen confirms, then forgets the number', async () => {
    const user = userEvent.setup()
    const ticket = await openMyTicket()
    expect(useMyTicketsStore.getState().tickets.map((held) => held.id)).toEqual([ticket.id])
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    await user.click(screen.getByRole('button', { name: '取消排队' }))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '取消这个排队号?' }))
    expect(screen.getByText('等候中')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: '取消排队' }))
    expect(await screen.findByText('已取消')).toBeInTheDocument()
    expect(screen.getByText('这个号已取消。')).toBeInTheDocument()
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已取消排队' }))
    expect(useMyTicketsStore.getState().tickets).toEqual([])
  })

  it('stops following while the page is hidden and catches up when it shows again', async () => {
    await openMyTicket()
    await screen.findByText('实时更新中')
    act(() => triggerPageHide())
    expect(await screen.findByText('已暂停更新')).toBeInTheDocument()
    await windowCalls(2)
    expect(screen.getByText('前面还有 6 人')).toBeInTheDocument()
    act(() => triggerPageShow())
    expect(await screen.findByText('前面还有 4 人')).toBeInTheDocument()
  })

  it('asks to sign in when the ticket cannot be read signed out', async () => {
    setRouterParams({ id: 'lh-district-A1' })
    render(<TicketPage />)
    expect(await screen.findByRole('alert')).toHaveTextContent('请先登录后再操作')
    expect(screen.getByRole('button', { name: '手机号登录' })).toBeInTheDocument()
  })
})

describe('我的 leads back to an active queue number', () => {
  it('lists today’s active ticket until it is over', async () => {
    const { default: Me } = await import('@/pages/me/index')
    await act(() => useSessionStore.getState().signInWithSms('13812345678', '123456'))
    const ticket = await takeTicket('lh-district', 'A', 'me-key')
    act(() => useMyTicketsStore.getState().track(ticket))
    render(<Me />)
    const user = userEvent.setup()
    await user.click(screen.getByRole('link', { name: '我的排队号 A010,龙华区行政服务大厅' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/ticket/index?id=${ticket.id}` })
    act(() => useMyTicketsStore.getState().track({ ...ticket, status: 'done' }))
    expect(screen.queryByRole('link', { name: /查看我的排队号/ })).not.toBeInTheDocument()
  })
})

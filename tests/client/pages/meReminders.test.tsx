// 我的 → 提醒: the switches, what can reach the person now, and turning browser notifications on.
import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import Taro from '@tarojs/taro'
import { server } from '../../../mock/node'
import { errorResponse } from '../../../mock/handlers/errors'
import { mockNotifications } from '../../../mock/handlers/notifications'
import { loadNotificationConfig } from '@/api/notifications'
import { dropThisBrowserPush } from '@/platform/reminderConsent'
import Me from '@/pages/me/index'
import { useSessionStore } from '@/stores/session'
import { useLanguageStore } from '@/stores/language'
import { installFakeBrowserPush, removeFakeBrowserPush } from '../../support/fakeBrowserPush'

const API = 'http://banshi.test/api/v1'

async function signInAsCitizen() {
  await act(() => useSessionStore.getState().signInWithSms('13812345678', '123456'))
}

const remindersSection = async () => {
  const heading = await screen.findByRole('heading', { level: 2, name: '提醒' })
  return heading.closest('.section') as HTMLElement
}

describe('我的 → 提醒', () => {
  it('says what signing in brings when nobody is signed in', async () => {
    render(<Me />)
    expect(within(await remindersSection()).getByText(/登录后,排号快到、预约前和办件有进展时/)).toBeInTheDocument()
  })

  it('shows the switches, what can reach me now, and the quiet hours', async () => {
    await signInAsCitizen()
    render(<Me />)
    const section = within(await remindersSection())
    expect(await section.findByRole('switch', { name: '接收提醒' })).toHaveAttribute('aria-checked', 'true')
    expect(section.getByRole('switch', { name: '短信提醒' })).toHaveAttribute('aria-checked', 'true')
    const channels = section.getByRole('list', { name: '现在能提醒您的方式' })
    // jsdom has no Push: the browser line says so instead of offering a button that cannot work.
    expect(within(channels).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '这个浏览器收不到通知;添加到主屏幕后再打开,或使用微信小程序',
      '短信:可以发到您登录用的手机号',
    ])
    expect(section.queryByRole('button', { name: '开启浏览器通知' })).not.toBeInTheDocument()
    expect(section.getByText('22:00 到次日 08:00 不发送不紧急的提醒(叫号等紧急提醒除外)。')).toBeInTheDocument()
  })

  it('turns every reminder off and says so; SMS off changes what can reach me', async () => {
    const user = userEvent.setup()
    await signInAsCitizen()
    render(<Me />)
    const section = within(await remindersSection())
    await user.click(await section.findByRole('switch', { name: '接收提醒' }))
    expect(await section.findByRole('status')).toHaveTextContent('提醒已关闭:您不会收到任何提醒。')
    expect(section.getByRole('switch', { name: '接收提醒' })).toHaveAttribute('aria-checked', 'false')
    expect(mockNotifications().settings.enabled).toBe(false)

    await user.click(section.getByRole('switch', { name: '短信提醒' }))
    expect(await section.findByText('短信:不发送')).toBeInTheDocument()
    expect(mockNotifications().settings.sms).toBe(false)
  })

  it('keeps the switch as it was and says so when saving fails', async () => {
    const user = userEvent.setup()
    server.use(http.put(`${API}/me/notification-settings`, () => HttpResponse.error()))
    await signInAsCitizen()
    render(<Me />)
    const section = within(await remindersSection())
    await user.click(await section.findByRole('switch', { name: '短信提醒' }))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '没有保存成功,请稍后再试' })))
    expect(section.getByRole('switch', { name: '短信提醒' })).toHaveAttribute('aria-checked', 'true')
  })

  it('offers to retry when the settings cannot be loaded', async () => {
    const user = userEvent.setup()
    server.use(http.get(`${API}/me/notification-settings`, () => errorResponse(403, 'FORBIDDEN'), { once: true }))
    await signInAsCitizen()
    render(<Me />)
    const section = within(await remindersSection())
    await user.click(await section.findByRole('button', { name: '重试' }))
    expect(await section.findByRole('switch', { name: '接收提醒' })).toBeInTheDocument()
  })

  it('is not shown to window staff, who have no numbers, bookings or applications of their own', async () => {
    await act(() => useSessionStore.getState().signInAsStaff('window1', 'banshi-demo'))
    render(<Me />)
    expect(await screen.findByRole('heading', { level: 1, name: '窗口一号' })).toBeInTheDocument()
    expect(screen.queryByRole('heading', { level: 2, name: '提醒' })).not.toBeInTheDocument()
  })

  it('is in English when the app is', async () => {
    await signInAsCitizen()
    act(() => useLanguageStore.getState().choose('en'))
    render(<Me />)
    expect(await screen.findByRole('switch', { name: 'Get reminders' })).toBeInTheDocument()
    expect(screen.getByText(/not sent from 22:00 to 08:00/)).toBeInTheDocument()
  })
})

describe('我的 → 提醒 in a browser that can show notifications', () => {
  beforeEach(async () => {
    installFakeBrowserPush()
    await loadNotificationConfig()
  })
  afterEach(async () => {
    await dropThisBrowserPush()
    removeFakeBrowserPush()
  })

  it('turns browser notifications on from the button', async () => {
    const user = userEvent.setup()
    await signInAsCitizen()
    render(<Me />)
    const section = within(await remindersSection())
    expect(await section.findByText('这个浏览器:还没有开启通知')).toBeInTheDocument()
    await user.click(section.getByRole('button', { name: '开启浏览器通知' }))
    expect(await section.findByText('这个浏览器:已开启通知')).toBeInTheDocument()
    expect(await section.findByText('已开启通知的浏览器:1 个')).toBeInTheDocument()
    expect(section.queryByRole('button', { name: '开启浏览器通知' })).not.toBeInTheDocument()
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已开启提醒' }))
  })
})

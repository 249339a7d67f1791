import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import Taro from '@tarojs/taro'
import { server } from '../../../mock/node'
import { errorMessage } from '@/domain/errors'
import { setRouterParams } from '../../support/taro'
import HallPage from '@/pages/hall/index'
import { useSessionStore } from '@/stores/session'
import { useMyTicketsStore } from '@/stores/myTickets'

const API = 'http://banshi.test/api/v1'
const staff = { authorization: 'Bearer mock-access-99', 'content-type': 'application/json' }

function openHall(id: string) {
  setRouterParams({ id })
  return render(<HallPage />)
}

const signIn = () => act(() => useSessionStore.getState().signInWithSms('13812345678', '123456'))
const category = (name: string) => within(screen.getByRole('heading', { level: 3, name }).parentElement!)

describe('hall page (大厅排队)', () => {
  it('shows each category live: now calling, waiting, open windows and the wait as a range', async () => {
    openHall('lh-district')
    expect(await screen.findByRole('heading', { level: 1, name: '龙华区行政服务大厅' })).toBeInTheDocument()
    await screen.findByRole('heading', { level: 3, name: '综合受理' })
    const general = category('综合受理')
    expect(general.getByText('正在叫号:A003')).toBeInTheDocument()
    expect(general.getByText('6 人等候 · 2 个窗口办理')).toBeInTheDocument()
    expect(general.getByText('预计等候约 25–40 分钟')).toBeInTheDocument()
    expect(category('公安专窗').getByText('现在无需等候')).toBeInTheDocument()
    expect(await screen.findByText('实时更新中')).toBeInTheDocument()

    // Another window calls the next number: the page follows without a reload.
    await act(async () => {
      await fetch(`${API}/staff/halls/lh-district/windows/2/call-next`, { method: 'POST', headers: staff, body: JSON.stringify({ categoryIds: ['A'] }) })
      await new Promise((resolve) => setTimeout(resolve, 20))
    })
    expect(await category('综合受理').findByText('正在叫号:A004、A003')).toBeInTheDocument()
    // Read out as it changes, for people waiting with a screen reader.
    expect(category('综合受理').getByText('正在叫号:A004、A003')).toHaveAttribute('aria-live', 'polite')
    expect(category('综合受理').getByText('5 人等候 · 2 个窗口办理')).toBeInTheDocument()
  })

  it('asks a signed-out citizen to sign in first and comes back to this hall', async () => {
    const user = userEvent.setup()
    openHall('lh-district')
    await screen.findByRole('heading', { level: 3, name: '综合受理' })
    expect(screen.queryByRole('button', { name: '取号:综合受理' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '登录后可远程取号' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/login/index?back=${encodeURIComponent('/pages/hall/index?id=lh-district')}` })
  })

  it('takes a number with an idempotency key and opens the ticket', async () => {
    const user = userEvent.setup()
    const keys: Array<string | null> = []
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST' && request.url.endsWith('/tickets')) keys.push(request.headers.get('idempotency-key'))
    })
    await signIn()
    openHall('lh-district')
    await user.click(await screen.findByRole('button', { name: '取号:综合受理' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=lh-district-A10' })
    expect(keys).toHaveLength(1)
    expect(keys[0]).toMatch(/^[\x21-\x7e]{1,64}$/)
    expect(useMyTicketsStore.getState().tickets).toMatchObject([{ id: 'lh-district-A10', number: 'A010', hallId: 'lh-district' }])
    // Holding a number here, the page leads to it instead of offering another.
    expect(await screen.findByRole('link', { name: '您在这个大厅的排队号:A010' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '取号:综合受理' })).not.toBeInTheDocument()
    server.events.removeAllListeners()
  })

  it('says why a number cannot be taken, in the server’s words', async () => {
    const user = userEvent.setup()
    server.use(
      http.post(`${API}/halls/:id/tickets`, () =>
        HttpResponse.json({ error: { code: 'TICKET_EXISTS', message: errorMessage('TICKET_EXISTS'), details: { ticketId: 'lh-district-A3' } } }, { status: 409 }),
      ),
    )
    await signIn()
    openHall('lh-district')
    await user.click(await screen.findByRole('button', { name: '取号:公安专窗' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('您在这个大厅已经有一个排队号了,请先使用或取消它')
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    // Taken on another phone: the page leads to it.
    await user.click(screen.getByRole('link', { name: '我的排队号' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=lh-district-A3' })
  })

  it('offers no number while the hall is closed', async () => {
    await signIn()
    openHall('lh-minzhi')
    expect(await screen.findByText('大厅现在休息,开门后才能取号。')).toBeInTheDocument()
    await screen.findByRole('heading', { level: 3, name: '综合受理' })
    expect(screen.queryByRole('button', { name: /^取号:/ })).not.toBeInTheDocument()
    expect(screen.getByText('今日 09:00–12:00, 14:00–18:00 · 午休 12:00–14:00')).toBeInTheDocument()
  })

  it('says so when the hall does not exist', async () => {
    openHall('nowhere')
    expect(await screen.findByRole('alert')).toHaveTextContent(/没有找到/)
  })
})

describe('hall page when the browser tab is hidden', () => {
  const setVisibility = (state: 'visible' | 'hidden') => {
    Object.defineProperty(document, 'visibilityState', { value: state, configurable: true })
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'))
    })
  }
  afterEach(() => Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true }))

  it('stops following while the tab is hidden and is live again when it shows', async () => {
    openHall('lh-district')
    await screen.findByText('实时更新中')
    setVisibility('hidden')
    expect(await screen.findByText('已暂停更新')).toBeInTheDocument()
    setVisibility('visible')
    expect(await screen.findByText('实时更新中')).toBeInTheDocument()
  })
})

describe('hall page in English', () => {
  it('speaks English, including the wait range', async () => {
    const { setCurrentLanguage, languageReady } = await import('@/i18n')
    await act(async () => {
      setCurrentLanguage('en')
      await languageReady()
    })
    openHall('lh-district')
    await screen.findByRole('heading', { level: 3, name: '综合受理' })
    expect(screen.getByText('Now calling: A003')).toBeInTheDocument()
    expect(screen.getByText('6 waiting · 2 windows open')).toBeInTheDocument()
    expect(screen.getByText('Expected wait about 25–40 min')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Sign in to take a number remotely' })).toBeInTheDocument()
  })
})

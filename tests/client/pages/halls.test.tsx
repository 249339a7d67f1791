import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import Taro from '@tarojs/taro'
import { server } from '../../../mock/node'
import { setRouterParams, triggerPullDownRefresh } from '../../support/taro'
import { FIXTURE_POSITION } from '../../../mock/fixtures/queue'
import HallsPage from '@/pages/halls/index'

const API = 'http://banshi.test/api/v1'

/** The browser's geolocation: grants FIXTURE_POSITION, or refuses as a person who said no. */
function givePosition(answer: 'grant' | 'deny') {
  const getCurrentPosition = jest.fn((ok: PositionCallback, fail: PositionErrorCallback) => {
    if (answer === 'grant') ok({ coords: { latitude: FIXTURE_POSITION.lat, longitude: FIXTURE_POSITION.lng } } as GeolocationPosition)
    else fail({ code: 1, PERMISSION_DENIED: 1 } as GeolocationPositionError)
  })
  Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition }, configurable: true })
  return getCurrentPosition
}

const hallNames = () => within(screen.getByRole('list')).getAllByRole('listitem').map((item) => item.querySelector('.queue-hall__name')?.textContent)

describe('halls page (附近大厅)', () => {
  it('lists halls nearest first with hours today, level, distance and the live wait as a range', async () => {
    givePosition('grant')
    render(<HallsPage />)
    expect(await screen.findByText('已按距离由近到远排列')).toBeInTheDocument()
    await screen.findByRole('list')
    expect(hallNames()).toEqual(['民治街道行政服务大厅', '龙华区行政服务大厅', '观湖街道行政服务大厅', '松元厦社区党群服务中心便民服务站'])
    const district = within(screen.getAllByRole('listitem')[1])
    expect(district.getByText('● 办公中')).toBeInTheDocument()
    expect(district.getByText(/^区级大厅 · 距您 4\.\d 公里$/)).toBeInTheDocument()
    expect(district.getByText('今日 09:00–18:00')).toBeInTheDocument()
    expect(district.getByText('24 小时自助服务区')).toBeInTheDocument()
    expect(district.getByText('7 人等候 · 预计等候约 25–40 分钟')).toBeInTheDocument()
    const minzhi = within(screen.getAllByRole('listitem')[0])
    expect(minzhi.getByText('○ 休息中')).toBeInTheDocument()
    expect(minzhi.getByText('今日 09:00–12:00, 14:00–18:00 · 午休 12:00–14:00')).toBeInTheDocument()
    expect(minzhi.getByText(/^街道大厅 · 距您 \d+ 米$/)).toBeInTheDocument()
    expect(within(screen.getAllByRole('listitem')[3]).getByText(/^社区服务站/)).toBeInTheDocument()
  })

  it('says why the list is in default order when location is refused, and tries again on request', async () => {
    const user = userEvent.setup()
    givePosition('deny')
    render(<HallsPage />)
    expect(await screen.findByText('您没有允许获取位置,大厅按默认顺序排列。')).toBeInTheDocument()
    await screen.findByRole('list')
    expect(hallNames()[0]).toBe('龙华区行政服务大厅')
    expect(screen.queryByText(/距您/)).not.toBeInTheDocument()

    givePosition('grant')
    await user.click(screen.getByRole('button', { name: '重新获取位置' }))
    expect(await screen.findByText('已按距离由近到远排列')).toBeInTheDocument()
    expect(await screen.findAllByText(/距您/)).toHaveLength(4)
    expect(hallNames()[0]).toBe('民治街道行政服务大厅')
  })

  it('from a guide, lists only the halls that handle the item and recommends an open one by travel plus wait', async () => {
    givePosition('grant')
    setRouterParams({ item: '010100010000' })
    render(<HallsPage />)
    expect(await screen.findByRole('heading', { level: 1, name: '可以办理该事项的大厅' })).toBeInTheDocument()
    await screen.findByRole('list')
    expect(hallNames()).toEqual(['民治街道行政服务大厅', '龙华区行政服务大厅'])
    // 民治 is nearer but closed: never the advice.
    const advice = screen.getByRole('region', { name: '推荐前往:龙华区行政服务大厅' })
    expect(within(advice).getByText(/^路上约 2\d 分钟,等候约 24 分钟,合计用时最短。$/)).toBeInTheDocument()
  })

  it('opens a hall in the map, calls it, and opens its queue', async () => {
    const user = userEvent.setup()
    givePosition('deny')
    const open = jest.spyOn(window, 'open').mockImplementation(() => null)
    render(<HallsPage />)
    await screen.findByRole('list')
    await user.click(screen.getByRole('button', { name: '地图导航:龙华区行政服务大厅' }))
    expect(open.mock.calls[0][0]).toContain('uri.amap.com/marker?position=114.0297%2C22.6566')
    expect(screen.getByRole('link', { name: '打电话:龙华区行政服务大厅 0755-23336000' })).toHaveAttribute('href', 'tel:075523336000')
    await user.click(screen.getByRole('link', { name: '看排队:龙华区行政服务大厅' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/hall/index?id=lh-district' })
    open.mockRestore()
  })

  it('refreshes the figures on pull-down', async () => {
    givePosition('deny')
    render(<HallsPage />)
    await screen.findByText('7 人等候 · 预计等候约 25–40 分钟')
    await fetch(`${API}/halls/lh-district/tickets`, { method: 'POST', headers: { authorization: 'Bearer mock-access-9', 'content-type': 'application/json' }, body: JSON.stringify({ categoryId: 'A' }) })
    act(() => triggerPullDownRefresh())
    expect(await screen.findByText('8 人等候 · 预计等候约 30–45 分钟')).toBeInTheDocument()
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled()
  })

  it('shows the error with a retry when the list cannot be loaded', async () => {
    givePosition('deny')
    server.use(http.get(`${API}/halls`, () => HttpResponse.json({ error: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用,请稍后再试' } }, { status: 503 })))
    render(<HallsPage />)
    expect(await screen.findByRole('alert', {}, { timeout: 4000 })).toHaveTextContent('服务暂时不可用')
    expect(screen.getByRole('button', { name: '重试' })).toBeInTheDocument()
  })
})

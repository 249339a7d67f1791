import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import Taro from '@tarojs/taro'
import { server } from '../../../mock/node'
import { setRouterParams, triggerPullDownRefresh } from '../../support/taro'
import GuidePage from '@/pages/guide/index'
import { useGuidesStore } from '@/stores/guides'
import { useLanguageStore } from '@/stores/language'

const API = 'http://banshi.test/api/v1'

function openGuide(code: string) {
  setRouterParams({ code })
  return render(<GuidePage />)
}

describe('guide page (办事指南)', () => {
  it('shows a loading skeleton, then the complete guide', async () => {
    openGuide('010100010000')
    expect(screen.getByRole('progressbar', { name: '正在加载办事指南' })).toBeInTheDocument()

    expect(await screen.findByRole('heading', { level: 1, name: '居民身份证申领' })).toBeInTheDocument()
    expect(screen.getByText('深圳市公安局龙华分局')).toBeInTheDocument()
    // Time limits, fee, trips, how to apply.
    expect(screen.getByText('20个工作日')).toBeInTheDocument()
    expect(screen.getByText('60个工作日')).toBeInTheDocument()
    expect(screen.getByText('工本费20元')).toBeInTheDocument()
    expect(screen.getByText('最多跑一次')).toBeInTheDocument()
    expect(screen.getByText('需到窗口办理')).toBeInTheDocument()
    // Conditions, then (drawn right after the first screen) steps, basis, phone.
    expect(screen.getByText(/年满16周岁应当申领/)).toBeInTheDocument()
    expect(await screen.findByRole('listitem', { name: '第2步,采集指纹和人像' })).toBeInTheDocument()
    expect(screen.getByText('《中华人民共和国居民身份证法》第二条')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '拨打咨询电话 0755-26433012' })).toHaveAttribute('href', 'tel:075526433012')
  })

  it('lists the halls that handle the item with address and tap-to-call', async () => {
    openGuide('010100010000')
    expect(await screen.findByText('全区通办:可到下列任一大厅办理')).toBeInTheDocument()
    expect(screen.getByText('龙华区行政服务大厅')).toBeInTheDocument()
    expect(screen.getByText(/梅龙大道与人民路交汇处/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '拨打龙华区行政服务大厅电话 0755-23336000' })).toHaveAttribute('href', 'tel:075523336000')
    expect(screen.getByText('● 办公中')).toBeInTheDocument()
  })

  it('lets the citizen tick off materials, and the ticks are still there when they come back', async () => {
    const user = userEvent.setup()
    const first = openGuide('010100010000')
    await screen.findByRole('heading', { level: 1 })
    const household = screen.getByRole('checkbox', { name: '居民户口簿,必需' })
    expect(household).toHaveAttribute('aria-checked', 'false')
    expect(screen.getByText(/已备齐 0\/2 项/)).toBeInTheDocument()

    await user.click(household)
    expect(screen.getByRole('checkbox', { name: '居民户口簿,必需' })).toHaveAttribute('aria-checked', 'true')
    expect(screen.getByText(/已备齐 1\/2 项,还差 1 项必需材料/)).toBeInTheDocument()

    first.unmount()
    openGuide('010100010000')
    await screen.findByRole('heading', { level: 1 })
    expect(screen.getByRole('checkbox', { name: '居民户口簿,必需' })).toHaveAttribute('aria-checked', 'true')

    await user.click(screen.getByRole('checkbox', { name: '近期免冠彩色照片,必需' }))
    expect(screen.getByText(/必需材料已齐全/)).toBeInTheDocument()
    expect(screen.getByText('说明:2寸白底')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: '清除勾选' }))
    expect(screen.getByText(/已备齐 0\/2 项/)).toBeInTheDocument()
  })

  it('says the item was not found and offers a new search for an unknown code', async () => {
    const user = userEvent.setup()
    openGuide('999999999999')
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByText(/没有找到这个事项/)).toBeInTheDocument()
    await user.click(within(alert).getByRole('button', { name: '重新搜索' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/search/index' })
  })

  it('shows what went wrong with a retry button when the network fails, and recovers on retry', async () => {
    const user = userEvent.setup()
    server.use(http.get(`${API}/items/:code`, () => HttpResponse.error()))
    openGuide('010300010000')
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 })
    expect(within(alert).getByText(/网络不给力/)).toBeInTheDocument()

    server.resetHandlers()
    await user.click(within(alert).getByRole('button', { name: '重试' }))
    expect(await screen.findByRole('heading', { level: 1, name: '居住证申领' })).toBeInTheDocument()
  }, 10_000)

  it('reloads on pull-down and folds the spinner away', async () => {
    openGuide('020200010000')
    await screen.findByRole('heading', { level: 1, name: '高龄老人津贴申领' })
    const load = jest.spyOn(useGuidesStore.getState(), 'load')
    await act(async () => {
      triggerPullDownRefresh()
    })
    await act(async () => {})
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled()
    expect(screen.getByText('不用跑(零跑动)')).toBeInTheDocument()
    expect(screen.getByText('不收费')).toBeInTheDocument()
    expect(screen.getByText('不支持通办:请到户籍或居住地所属的大厅办理')).toBeInTheDocument()
    load.mockRestore()
  })

  it('reads in English: facts, sections, halls and the title; the catalog text stays as published', async () => {
    act(() => useLanguageStore.getState().choose('en'))
    openGuide('010100010000')
    expect(await screen.findByRole('heading', { level: 1, name: '居民身份证申领' })).toBeInTheDocument()
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: 'Service guide' })
    expect(screen.getByText('20 working days')).toBeInTheDocument()
    expect(screen.getByText('At most one visit')).toBeInTheDocument()
    expect(screen.getByText('At a service window')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'What to bring' })).toBeInTheDocument()
    expect(await screen.findByRole('listitem', { name: 'Step 2: 采集指纹和人像' })).toBeInTheDocument()
    expect(screen.getByText('Any hall in the district: go to any of the halls below')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Call 龙华区行政服务大厅 on 0755-23336000' })).toBeInTheDocument()
    expect(screen.getByText('● Open now')).toBeInTheDocument()
  })
})

import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import Taro from '@tarojs/taro'
import { setRouterParams, triggerReachBottom } from '../../support/taro'
import BrowsePage from '@/pages/browse/index'
import ItemsPage from '@/pages/items/index'
import Home from '@/pages/index/index'

describe('browsing by topic and department', () => {
  it('lists topics with counts and opens a topic', async () => {
    const user = userEvent.setup()
    render(<BrowsePage />)
    const topic = await screen.findByRole('link', { name: '养老服务,1项' })
    await user.click(topic)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/items/index?topic=${encodeURIComponent('养老服务')}` })
  })

  it('switches to departments', async () => {
    const user = userEvent.setup()
    render(<BrowsePage />)
    await user.click(screen.getByRole('button', { name: '按部门' }))
    await user.click(await screen.findByRole('link', { name: '龙华区民政局,1项' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/items/index?department=${encodeURIComponent('龙华区民政局')}` })
  })

  it('opens on the departments tab when asked to', async () => {
    setRouterParams({ tab: 'departments' })
    render(<BrowsePage />)
    expect(await screen.findByRole('link', { name: '深圳市公安局龙华分局,2项' })).toBeInTheDocument()
  })

  it('shows the items of a topic with its name as the title', async () => {
    setRouterParams({ topic: encodeURIComponent('证件办理') })
    render(<ItemsPage />)
    expect(await screen.findByRole('heading', { name: '证件办理 · 共 2 项' })).toBeInTheDocument()
    expect(screen.getByText('居民身份证申领')).toBeInTheDocument()
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '证件办理' })
    triggerReachBottom()
    expect(screen.queryByText('加载更多')).not.toBeInTheDocument()
  })

  it('says so when a department has no items', async () => {
    setRouterParams({ department: encodeURIComponent('不存在的局') })
    render(<ItemsPage />)
    expect(await screen.findByText('这里暂时没有事项')).toBeInTheDocument()
  })
})

describe('home page', () => {
  it('offers search, topics, departments, popular items and the hotline', async () => {
    const user = userEvent.setup()
    render(<Home />)
    expect(screen.getByRole('heading', { level: 1, name: '办事通' })).toBeInTheDocument()
    expect(await screen.findByRole('link', { name: '证件办理,2项' })).toBeInTheDocument()
    expect(await screen.findByRole('link', { name: (name: string) => name.replace(/\s/g, '').startsWith('高龄老人津贴申领龙华区民政局') })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '拨打12345政务服务便民热线' })).toHaveAttribute('href', 'tel:12345')

    await user.click(screen.getByRole('button', { name: /^搜索事项/ }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/search/index' })
    await user.click(screen.getByText('按部门查找 ›'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/browse/index?tab=departments' })
  })
})

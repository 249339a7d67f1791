import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import Taro from '@tarojs/taro'
import { server } from '../../../mock/node'
import { setRouterParams } from '../../support/taro'
import { useRecentSearchesStore } from '@/stores/recentSearches'
import SearchPage from '@/pages/search/index'

/** An item card's accessible name is its content; how pieces are spaced depends on the highlight split. */
const cardNamed = (start: string) => (name: string) => name.replace(/\s/g, '').startsWith(start)

const API = 'http://banshi.test/api/v1'
const box = () => screen.getByRole('searchbox', { name: '搜索办事事项' })

describe('search page: typing', () => {
  it('suggests items as the citizen types, with the match highlighted, and opens one', async () => {
    const user = userEvent.setup()
    render(<SearchPage />)
    await user.type(box(), '身份证')
    const suggestion = await screen.findByRole('link', { name: '居民身份证申领' })
    await waitFor(() => expect(suggestion.querySelector('.highlight')).toHaveTextContent('身份证'))
    await user.click(suggestion)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/guide/index?code=010100010000' })
    expect(useRecentSearchesStore.getState().queries).toEqual(['身份证'])
  })

  it('asks for suggestions once typing pauses, not on every keystroke', async () => {
    const user = userEvent.setup()
    const asked: string[] = []
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url)
      if (url.pathname.endsWith('/items/suggest')) asked.push(url.searchParams.get('q') ?? '')
    })
    render(<SearchPage />)
    await user.type(box(), '居住证')
    await waitFor(() => expect(asked).toContain('居住证'))
    server.events.removeAllListeners()
    // Three keystrokes, one request (or two on a slow machine that pauses mid-word), always ending with the word.
    expect(asked.length).toBeLessThan(3)
    expect(asked[asked.length - 1]).toBe('居住证')
  })

  it('never shows a slow answer for an older query over a newer one', async () => {
    const user = userEvent.setup()
    server.use(
      http.get(`${API}/items/suggest`, async ({ request }) => {
        const q = new URL(request.url).searchParams.get('q')
        if (q === '居') await new Promise((resolve) => setTimeout(resolve, 600))
        const name = q === '居' ? '居民身份证申领' : '居住证申领'
        return HttpResponse.json({ items: [{ code: '010300010000', name, highlights: [] }] })
      }),
    )
    render(<SearchPage />)
    await user.type(box(), '居')
    await act(() => new Promise((resolve) => setTimeout(resolve, 200)))
    await user.type(box(), '住')
    await screen.findByRole('link', { name: '居住证申领' })
    await act(() => new Promise((resolve) => setTimeout(resolve, 700)))
    expect(screen.queryByRole('link', { name: '居民身份证申领' })).not.toBeInTheDocument()
  })
})

describe('search page: results', () => {
  it('shows every ranked result after the search key, highlighted by the server', async () => {
    const user = userEvent.setup()
    render(<SearchPage />)
    await user.type(box(), '身份证{Enter}')
    expect(await screen.findByText('找到 1 个事项')).toBeInTheDocument()
    const card = screen.getByRole('link', { name: cardNamed('居民身份证申领深圳市公安局龙华分局') })
    expect(card.querySelector('.highlight')).toHaveTextContent('身份证')
    await user.click(card)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/guide/index?code=010100010000' })
  })

  it('shows all results from the first suggestion row too', async () => {
    const user = userEvent.setup()
    render(<SearchPage />)
    await user.type(box(), '津贴')
    await user.click(screen.getByRole('button', { name: '搜索“津贴”的全部结果' }))
    expect(await screen.findByRole('link', { name: cardNamed('高龄老人津贴申领龙华区民政局') })).toBeInTheDocument()
  })

  it('starts from the query in the address', async () => {
    setRouterParams({ q: encodeURIComponent('津贴') })
    render(<SearchPage />)
    expect(box()).toHaveValue('津贴')
    expect(await screen.findByRole('link', { name: cardNamed('高龄老人津贴申领龙华区民政局') })).toBeInTheDocument()
  })

  it('helps when nothing matches: related topics, the topic list and the hotline', async () => {
    const user = userEvent.setup()
    render(<SearchPage />)
    await user.type(box(), '火星签证{Enter}')
    expect(await screen.findByText('没有找到与“火星签证”相关的事项')).toBeInTheDocument()
    const status = screen.getByRole('status')
    expect(within(status).getByRole('link', { name: '拨打12345咨询(政务服务便民热线)' })).toHaveAttribute('href', 'tel:12345')
    await user.click(within(status).getByRole('link', { name: '查看主题 证件办理' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/items/index?topic=${encodeURIComponent('证件办理')}` })
    await user.click(within(status).getByRole('button', { name: '按主题查找' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/browse/index?tab=topics' })
  })

  it('offers a retry when the search fails', async () => {
    const user = userEvent.setup()
    server.use(
      http.get(`${API}/items`, () =>
        HttpResponse.json({ error: { code: 'RATE_LIMITED', message: '操作太频繁,请稍后再试' } }, { status: 429 }),
      ),
    )
    render(<SearchPage />)
    await user.type(box(), '社保{Enter}')
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByText('操作太频繁,请稍后再试')).toBeInTheDocument()
    server.resetHandlers()
    await user.click(within(alert).getByRole('button', { name: '重试' }))
    expect(await screen.findByText('没有找到与“社保”相关的事项')).toBeInTheDocument()
  })

  it('goes back to suggestions when the query is edited', async () => {
    const user = userEvent.setup()
    render(<SearchPage />)
    await user.type(box(), '居住证{Enter}')
    await screen.findByText('找到 1 个事项')
    await user.type(box(), '申')
    expect(screen.queryByText('找到 1 个事项')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: '搜索“居住证申”的全部结果' })).toBeInTheDocument()
  })
})

describe('search page: nothing typed yet', () => {
  it('shows recent searches (clearable), what people do most, and where else to look', async () => {
    const user = userEvent.setup()
    useRecentSearchesStore.setState({ queries: ['社保卡', '居住证'] })
    render(<SearchPage />)
    expect(screen.getByText(/输入您要办的事/)).toBeInTheDocument()
    expect(await screen.findByRole('link', { name: cardNamed('高龄老人津贴申领龙华区民政局') })).toBeInTheDocument()
    expect(screen.getByText('没找到?')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '拨打12345咨询(政务服务便民热线)' })).toHaveAttribute('href', 'tel:12345')

    await user.click(screen.getByRole('button', { name: '再次搜索 居住证' }))
    expect(box()).toHaveValue('居住证')
    expect(await screen.findByText('找到 1 个事项')).toBeInTheDocument()
    expect(useRecentSearchesStore.getState().queries).toEqual(['居住证', '社保卡'])

    await user.click(screen.getByRole('button', { name: '清空搜索' }))
    await user.click(screen.getByRole('button', { name: '清除最近搜索' }))
    expect(screen.queryByText('最近搜索')).not.toBeInTheDocument()
    expect(useRecentSearchesStore.getState().queries).toEqual([])
  })

  it('keeps recent searches on the device between visits', async () => {
    const user = userEvent.setup()
    render(<SearchPage />)
    await user.type(box(), '护照{Enter}')
    expect(String(Taro.getStorageSync('banshi.recentSearches'))).toContain('护照')
  })

  it('clears the query with one tap', async () => {
    const user = userEvent.setup()
    render(<SearchPage />)
    await user.type(box(), '居住证')
    await user.click(screen.getByRole('button', { name: '清空搜索' }))
    expect(box()).toHaveValue('')
    expect(screen.getByText(/输入您要办的事/)).toBeInTheDocument()
  })
})

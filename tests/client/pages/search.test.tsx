import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import Taro from '@tarojs/taro'
import { server } from '../../../mock/node'
import { setRouterParams } from '../../support/taro'
import SearchPage from '@/pages/search/index'

const API = 'http://banshi.test/api/v1'

describe('search page', () => {
  it('shows matching items as the citizen types, with the match highlighted', async () => {
    const user = userEvent.setup()
    render(<SearchPage />)
    expect(screen.getByText(/输入您要办的事/)).toBeInTheDocument()

    await user.type(screen.getByRole('searchbox', { name: '搜索办事事项' }), '身份证')
    expect(await screen.findByText('找到 1 个事项')).toBeInTheDocument()
    const card = screen.getByRole('link', { name: '居民身份证申领,深圳市公安局龙华分局' })
    const highlighted = card.querySelector('.highlight')
    expect(highlighted).toHaveTextContent('身份证')

    await user.click(card)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/guide/index?code=010100010000' })
  })

  it('waits for a pause in typing instead of searching on every keystroke', async () => {
    const user = userEvent.setup()
    const queries: string[] = []
    server.events.on('request:start', ({ request }) => {
      queries.push(new URL(request.url).searchParams.get('q') ?? '')
    })
    render(<SearchPage />)
    await user.type(screen.getByRole('searchbox', { name: '搜索办事事项' }), '居住证')
    await screen.findByText('找到 1 个事项')
    server.events.removeAllListeners()
    expect(queries).toEqual(['居住证'])
  })

  it('starts from the query in the address', async () => {
    setRouterParams({ q: encodeURIComponent('津贴') })
    render(<SearchPage />)
    expect(screen.getByRole('searchbox', { name: '搜索办事事项' })).toHaveValue('津贴')
    expect(await screen.findByRole('link', { name: '高龄老人津贴申领,龙华区民政局' })).toBeInTheDocument()
  })

  it('helps when nothing matches: topics and the hotline', async () => {
    const user = userEvent.setup()
    render(<SearchPage />)
    await user.type(screen.getByRole('searchbox', { name: '搜索办事事项' }), '火星签证')
    expect(await screen.findByText('没有找到与“火星签证”相关的事项')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '拨打12345政务服务便民热线咨询' })).toHaveAttribute('href', 'tel:12345')
    await user.click(screen.getByRole('button', { name: '按主题查找' }))
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
    await user.type(screen.getByRole('searchbox', { name: '搜索办事事项' }), '社保')
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByText('操作太频繁,请稍后再试')).toBeInTheDocument()
    server.resetHandlers()
    await user.click(within(alert).getByRole('button', { name: '重试' }))
    expect(await screen.findByText('没有找到与“社保”相关的事项')).toBeInTheDocument()
  })

  it('clears the query with one tap', async () => {
    const user = userEvent.setup()
    render(<SearchPage />)
    const box = screen.getByRole('searchbox', { name: '搜索办事事项' })
    await user.type(box, '居住证')
    await user.click(screen.getByRole('button', { name: '清空搜索' }))
    expect(box).toHaveValue('')
    expect(screen.getByText(/输入您要办的事/)).toBeInTheDocument()
  })
})

describe('search page, coming back to a query', () => {
  it('shows results for an earlier query again after its request was abandoned mid-way', async () => {
    const user = userEvent.setup()
    server.use(
      http.get(`${API}/items`, async ({ request }) => {
        const q = new URL(request.url).searchParams.get('q')
        // The first answer for 居住 is slow, so the citizen has typed on before it comes.
        if (q === '居住' && !slowAnswered) {
          slowAnswered = true
          await new Promise((resolve) => setTimeout(resolve, 1000))
        }
        return HttpResponse.json({
          total: 1,
          items: [{ code: '010300010000', name: '居住证申领', department: '深圳市公安局龙华分局', topics: ['证件办理'], kind: '承诺件', promisedDays: 10, visits: 1, online: '网上预审', views: 0 }],
        })
      }),
    )
    let slowAnswered = false
    render(<SearchPage />)
    const box = screen.getByRole('searchbox', { name: '搜索办事事项' })
    await user.type(box, '居住')
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)))
    await user.type(box, '证')
    await screen.findByText('找到 1 个事项')
    await user.type(box, '{Backspace}')
    expect(await screen.findByText('找到 1 个事项', {}, { timeout: 3000 })).toBeInTheDocument()
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument()
  })
})

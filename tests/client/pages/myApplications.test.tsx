import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import Taro from '@tarojs/taro'
import { server } from '../../../mock/node'
import { errorResponse } from '../../../mock/handlers/errors'
import { setRouterParams } from '../../support/taro'
import MyApplications from '@/packages/apply/mine/index'
import ApplicationDetail from '@/packages/apply/detail/index'
import { useSessionStore } from '@/stores/session'
import { useLanguageStore } from '@/stores/language'
import { FINISHED_NO, FIXTURE_NO } from '../../../mock/fixtures/applications'

const API = 'http://banshi.test/api/v1'
const signIn = () => act(() => useSessionStore.getState().signInWithSms('13812345678', '123456'))

// Whole user flows with many keystrokes: room for a busy shared machine.
jest.setTimeout(20_000)

describe('我的办件', () => {
  it('asks to sign in, and offers the lookup by number instead', async () => {
    const user = userEvent.setup()
    render(<MyApplications />)
    await user.click(screen.getByRole('button', { name: '按编号查询' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/progress/index' })
  })

  it('lists my applications newest first with their status badges', async () => {
    await signIn()
    render(<MyApplications />)
    const rows = await screen.findAllByRole('link')
    expect(rows.map((row) => within(row).getByText(/申领/).textContent)).toEqual(['居住证申领', '居住证申领'])
    expect(within(rows[0]).getByText('需补正材料')).toBeInTheDocument()
    expect(within(rows[1]).getByText('已办结')).toBeInTheDocument()
    expect(within(rows[1]).getByText('已办结,欢迎评价 ›')).toBeInTheDocument()
    await userEvent.setup().click(rows[0])
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/apply/detail/index?no=${FIXTURE_NO}` })
  })

  it('says when there is nothing yet, and shows an error with retry', async () => {
    await signIn()
    server.use(http.get(`${API}/applications`, () => errorResponse(503, 'SERVICE_UNAVAILABLE')))
    render(<MyApplications />)
    expect(await screen.findByRole('alert', {}, { timeout: 4000 })).toHaveTextContent('服务暂时不可用')
    server.resetHandlers()
    server.use(http.get(`${API}/applications`, () => Response.json([])))
    await userEvent.setup().click(screen.getByRole('button', { name: '重试' }))
    expect(await screen.findByText('还没有办件')).toBeInTheDocument()
  })

  it('rates a finished application once, then shows the rating', async () => {
    const user = userEvent.setup()
    await signIn()
    setRouterParams({ no: FINISHED_NO })
    render(<ApplicationDetail />)
    await user.click(await screen.findByRole('button', { name: '提交评价' }))
    expect(screen.getByText('请先选择满意程度')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '5 分,非常满意' }))
    await user.click(screen.getByRole('button', { name: '一次办好' }))
    await user.type(screen.getByRole('textbox', { name: '评价内容(选填)' }), '很方便')
    await user.click(screen.getByRole('button', { name: '提交评价' }))
    expect(await screen.findByRole('heading', { name: '我的评价' })).toBeInTheDocument()
    expect(screen.getByText('★★★★★')).toBeInTheDocument()
    expect(screen.getByText('很方便')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '提交评价' })).not.toBeInTheDocument()
  })

  it('reads in English: rows with their stage and the rating form', async () => {
    const user = userEvent.setup()
    act(() => useLanguageStore.getState().choose('en'))
    await signIn()
    setRouterParams({ no: FINISHED_NO })
    render(<ApplicationDetail />)
    expect(await screen.findByRole('heading', { name: 'Rate this service' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Send rating' }))
    expect(screen.getByText('Please choose how satisfied you are first')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '5 stars, Very happy' })).toBeInTheDocument()
  })
})

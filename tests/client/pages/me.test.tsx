import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import Taro from '@tarojs/taro'
import { server } from '../../../mock/node'
import Me from '@/pages/me/index'
import { useSessionStore } from '@/stores/session'

const API = 'http://banshi.test/api/v1'

async function signInAsCitizen() {
  await act(() => useSessionStore.getState().signInWithSms('13812345678', '123456'))
}

describe('我的 page', () => {
  it('offers phone and staff sign-in when nobody is signed in', async () => {
    const user = userEvent.setup()
    render(<Me />)
    expect(screen.getByRole('heading', { level: 1, name: '您还没有登录' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '手机号登录' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index?back=%2Fpages%2Fme%2Findex' })
    await user.click(screen.getByRole('link', { name: '工作人员登录 ›' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/login/index' })
    // No WeChat button in a browser.
    expect(screen.queryByRole('button', { name: '微信一键登录' })).not.toBeInTheDocument()
  })

  it('says why the person was signed out', async () => {
    useSessionStore.setState({ signedOutBecause: '登录状态已失效,请重新登录' })
    render(<Me />)
    expect(screen.getByRole('alert')).toHaveTextContent('登录状态已失效,请重新登录')
  })

  it('shows who is signed in, their own data, and their devices', async () => {
    await signInAsCitizen()
    render(<Me />)
    expect(screen.getByRole('heading', { level: 1, name: '138****5678' })).toBeInTheDocument()
    expect(screen.getByText('居民')).toBeInTheDocument()
    expect(await screen.findByText('手机号码:13812345678')).toBeInTheDocument()
    expect(screen.getByText('身份证号码:未填写')).toBeInTheDocument()
    expect(await screen.findByText('手机浏览器(本机)')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '退出微信小程序的登录' })).toBeInTheDocument()
  })

  it('checks an ID number on the device and asks for separate consent before sending it', async () => {
    const user = userEvent.setup()
    let patches = 0
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'PATCH') patches += 1
    })
    await signInAsCitizen()
    render(<Me />)
    await user.click(await screen.findByRole('button', { name: '修改个人信息' }))
    const idField = screen.getByRole('textbox', { name: '身份证号码' })
    await user.type(idField, '440308199003071236')
    await user.click(screen.getByRole('button', { name: '保存' }))
    expect(screen.getByText('身份证号码校验位不正确,请逐位核对')).toBeInTheDocument()
    expect(screen.getByText('填写身份证号码前,请先同意敏感个人信息处理规则')).toBeInTheDocument()
    expect(patches).toBe(0)

    await user.clear(idField)
    await user.type(idField, '440308199003071235')
    await user.click(screen.getByRole('checkbox', { name: '我同意办事通处理我的身份证号码' }))
    await user.click(screen.getByRole('button', { name: '保存' }))
    expect(await screen.findByText('身份证号码:4403**********1235')).toBeInTheDocument()
    expect(patches).toBe(1)
    server.events.removeAllListeners()
  })

  it('signs out after confirmation, and stays signed in when the person cancels', async () => {
    const user = userEvent.setup()
    await signInAsCitizen()
    render(<Me />)
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    await user.click(screen.getByRole('button', { name: '退出登录' }))
    expect(useSessionStore.getState().user).not.toBeNull()
    await user.click(screen.getByRole('button', { name: '退出登录' }))
    expect(await screen.findByRole('heading', { level: 1, name: '您还没有登录' })).toBeInTheDocument()
    expect(useSessionStore.getState().refreshToken).toBeNull()
  })

  it('closes the account only after two confirmations', async () => {
    const user = userEvent.setup()
    let deleted = false
    server.use(
      http.delete(`${API}/me`, () => {
        deleted = true
        return new HttpResponse(null, { status: 204 })
      }),
    )
    await signInAsCitizen()
    render(<Me />)
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: true }).mockResolvedValueOnce({ confirm: false })
    await user.click(screen.getByRole('button', { name: '注销账号' }))
    expect(deleted).toBe(false)
    await user.click(screen.getByRole('button', { name: '注销账号' }))
    expect(await screen.findByRole('heading', { level: 1, name: '您还没有登录' })).toBeInTheDocument()
    expect(deleted).toBe(true)
  })

  it('shows staff their role and workplace, without a citizen profile', async () => {
    await act(() => useSessionStore.getState().signInAsStaff('window1', 'banshi-demo'))
    render(<Me />)
    expect(screen.getByRole('heading', { level: 1, name: '窗口一号' })).toBeInTheDocument()
    expect(screen.getByText(/窗口工作人员 · 龙华区行政服务大厅/)).toBeInTheDocument()
    expect(screen.queryByText('个人信息')).not.toBeInTheDocument()
    expect(await screen.findAllByText(/最近使用/)).toHaveLength(2)
  })
})

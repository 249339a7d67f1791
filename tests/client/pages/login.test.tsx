import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import Taro from '@tarojs/taro'
import { server } from '../../../mock/node'
import { setRouterParams } from '../../support/taro'
import PhoneSignIn from '@/pages/login/index'
import StaffSignIn from '@/packages/staff/login/index'
import { useSessionStore } from '@/stores/session'

const API = 'http://banshi.test/api/v1'

describe('phone sign-in page', () => {
  it('sends a code, counts down before another can be asked for, and signs in back to where the person was', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] })
    try {
      const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime })
      setRouterParams({ back: encodeURIComponent('/pages/guide/index?code=010100010000') })
      render(<PhoneSignIn />)
      await user.type(screen.getByRole('textbox', { name: '手机号码' }), '138 1234 5678')
      await user.click(screen.getByRole('button', { name: '获取验证码' }))
      expect(await screen.findByText('验证码已发送到 138****5678,5分钟内有效')).toBeInTheDocument()
      expect(screen.getByRole('button', { name: '60秒后可重新获取' })).toBeInTheDocument()
      for (let second = 0; second < 3; second += 1) {
        await act(async () => {
          jest.advanceTimersByTime(1000)
        })
      }
      expect(screen.getByRole('button', { name: '57秒后可重新获取' })).toBeInTheDocument()

      await user.type(screen.getByRole('textbox', { name: '短信验证码' }), '123456')
      await user.click(screen.getByRole('checkbox', { name: '我已阅读并同意个人信息保护说明' }))
      await user.click(screen.getByRole('button', { name: '登录' }))
      await act(async () => undefined)
      expect(useSessionStore.getState().user?.phoneMasked).toBe('138****5678')
      expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/guide/index?code=010100010000' })
    } finally {
      jest.useRealTimers()
    }
  })

  it('goes back to the page underneath when that is the one that asked', async () => {
    const user = userEvent.setup()
    ;(Taro.getCurrentPages as jest.Mock).mockReturnValueOnce([{ route: 'pages/me/index' }, { route: 'pages/login/index' }])
    setRouterParams({ back: encodeURIComponent('/pages/me/index') })
    render(<PhoneSignIn />)
    await user.type(screen.getByRole('textbox', { name: '手机号码' }), '13812345678')
    await user.type(screen.getByRole('textbox', { name: '短信验证码' }), '123456')
    await user.click(screen.getByRole('checkbox', { name: '我已阅读并同意个人信息保护说明' }))
    await user.click(screen.getByRole('button', { name: '登录' }))
    await act(async () => undefined)
    expect(Taro.navigateBack).toHaveBeenCalledWith({ delta: 1 })
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })

  it('asks for consent before signing in, and checks the phone before sending anything', async () => {
    const user = userEvent.setup()
    render(<PhoneSignIn />)
    await user.click(screen.getByRole('button', { name: '获取验证码' }))
    expect(screen.getAllByText('请输入11位手机号码')[0]).toBeInTheDocument()
    await user.type(screen.getByRole('textbox', { name: '手机号码' }), '13812345678')
    await user.type(screen.getByRole('textbox', { name: '短信验证码' }), '123456')
    await user.click(screen.getByRole('button', { name: '登录' }))
    expect(screen.getByText('请先阅读并同意个人信息保护说明')).toBeInTheDocument()
    expect(useSessionStore.getState().user).toBeNull()
  })

  it('shows the server’s words for a wrong code and for sending too often', async () => {
    const user = userEvent.setup()
    server.use(
      http.post(`${API}/auth/sms/send`, () =>
        HttpResponse.json(
          { error: { code: 'SMS_TOO_FREQUENT', message: '验证码发送太频繁,请稍后再获取', details: { retryAfterS: 42 } } },
          { status: 429, headers: { 'Retry-After': '42' } },
        ),
      ),
    )
    render(<PhoneSignIn />)
    await user.type(screen.getByRole('textbox', { name: '手机号码' }), '13812345678')
    await user.click(screen.getByRole('button', { name: '获取验证码' }))
    expect(await screen.findByText('验证码发送太频繁,请稍后再获取')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '42秒后可重新获取' })).toBeInTheDocument()

    await user.type(screen.getByRole('textbox', { name: '短信验证码' }), '000000')
    await user.click(screen.getByRole('checkbox', { name: '我已阅读并同意个人信息保护说明' }))
    await user.click(screen.getByRole('button', { name: '登录' }))
    expect(await screen.findByText(/验证码不正确或已过期/)).toBeInTheDocument()
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })
})

describe('staff sign-in page', () => {
  it('signs window staff in and goes to their desk (工作台)', async () => {
    const user = userEvent.setup()
    render(<StaffSignIn />)
    await user.type(screen.getByRole('textbox', { name: '用户名' }), 'window1')
    await user.type(screen.getByLabelText('密码'), 'banshi-demo')
    await user.click(screen.getByRole('button', { name: '登录' }))
    await act(async () => undefined)
    expect(useSessionStore.getState().user).toMatchObject({ role: 'window_staff', username: 'window1' })
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/staff/index/index' })
  })

  it('says when the password is wrong, and how long a locked account must wait', async () => {
    const user = userEvent.setup()
    render(<StaffSignIn />)
    await user.type(screen.getByRole('textbox', { name: '用户名' }), 'window1')
    await user.type(screen.getByLabelText('密码'), 'guess')
    await user.click(screen.getByRole('button', { name: '登录' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码不正确')
    expect(screen.getByLabelText('密码')).toHaveValue('')

    server.use(
      http.post(`${API}/auth/staff/login`, () =>
        HttpResponse.json(
          { error: { code: 'ACCOUNT_LOCKED', message: '密码错误次数太多,账号已暂时锁定,请稍后再试或联系管理员', details: { retryAfterS: 840 } } },
          { status: 429 },
        ),
      ),
    )
    await user.type(screen.getByLabelText('密码'), 'guess')
    await user.click(screen.getByRole('button', { name: '登录' }))
    expect(await screen.findByText(/约14分钟后可再试/)).toBeInTheDocument()
  })
})

import { http as mswHttp, HttpResponse } from 'msw'
import Taro from '@tarojs/taro'
import { server } from '../../../mock/node'
import { fixtureSession } from '../../../mock/fixtures/accounts'
import { http } from '@/api/http'
import { ApiError } from '@/api/apiError'
import { useSessionStore } from '@/stores/session'

const API = 'http://banshi.test/api/v1'

function tokenExpired() {
  return HttpResponse.json({ error: { code: 'TOKEN_EXPIRED', message: '登录已过期,请重新登录' } }, { status: 401 })
}

async function signedIn() {
  await useSessionStore.getState().signInWithSms('13812345678', '123456')
  return useSessionStore.getState()
}

describe('session store', () => {
  it('signs in with the SMS code, keeps the tokens on the device, but not personal data', async () => {
    const state = await signedIn()
    expect(state.user).toMatchObject({ role: 'citizen', phoneMasked: '138****5678' })
    expect(state.accessToken).toMatch(/^mock-access-/)
    await useSessionStore.getState().loadProfile()
    expect(useSessionStore.getState().profile.data?.phone).toBe('13812345678')
    const stored = String(Taro.getStorageSync('banshi.session'))
    expect(stored).toContain(state.refreshToken!)
    expect(stored).not.toContain('13812345678')
  })

  it('sends the access token with API calls, but not with sign-in calls', async () => {
    const state = await signedIn()
    const seen: Array<[string, string | null]> = []
    server.events.on('request:start', ({ request }) => {
      seen.push([new URL(request.url).pathname, request.headers.get('authorization')])
    })
    await http.get('/me')
    await http.post('/auth/sms/send', { phone: '13812345678' })
    server.events.removeAllListeners()
    expect(seen).toEqual([
      ['/api/v1/me', `Bearer ${state.accessToken}`],
      ['/api/v1/auth/sms/send', null],
    ])
  })

  it('refreshes once for two requests that hit an expired token together, and retries both', async () => {
    await signedIn()
    let refreshes = 0
    const expiredToken = useSessionStore.getState().accessToken
    server.use(
      mswHttp.get(`${API}/me`, ({ request }) =>
        request.headers.get('authorization') === `Bearer ${expiredToken}` ? tokenExpired() : undefined,
      ),
      mswHttp.get(`${API}/me/sessions`, ({ request }) =>
        request.headers.get('authorization') === `Bearer ${expiredToken}` ? tokenExpired() : undefined,
      ),
      mswHttp.post(`${API}/auth/refresh`, () => {
        refreshes += 1
        return HttpResponse.json(fixtureSession())
      }),
    )
    const [profile, devices] = await Promise.all([http.get('/me'), http.get('/me/sessions')])
    expect(profile.status).toBe(200)
    expect(devices.status).toBe(200)
    expect(refreshes).toBe(1)
    expect(useSessionStore.getState().accessToken).not.toBe(expiredToken)
  })

  it('signs the person out, with a reason, when the refresh is refused', async () => {
    await signedIn()
    server.use(
      mswHttp.get(`${API}/me`, () => tokenExpired()),
      mswHttp.post(`${API}/auth/refresh`, () =>
        HttpResponse.json({ error: { code: 'TOKEN_INVALID', message: '登录状态已失效,请重新登录' } }, { status: 401 }),
      ),
    )
    await expect(http.get('/me')).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' })
    const state = useSessionStore.getState()
    expect(state.user).toBeNull()
    expect(state.refreshToken).toBeNull()
    expect(state.signedOutBecause).toBe('登录状态已失效,请重新登录')
  })

  it('never loops: a request that still fails after the refresh is not refreshed again', async () => {
    await signedIn()
    let refreshes = 0
    server.use(
      mswHttp.get(`${API}/me`, () => tokenExpired()),
      mswHttp.post(`${API}/auth/refresh`, () => {
        refreshes += 1
        return HttpResponse.json(fixtureSession())
      }),
    )
    await expect(http.get('/me')).rejects.toBeInstanceOf(ApiError)
    expect(refreshes).toBe(1)
  })

  it('keeps the session when the refresh fails only for lack of a connection', async () => {
    await signedIn()
    server.use(
      mswHttp.get(`${API}/me`, () => tokenExpired()),
      mswHttp.post(`${API}/auth/refresh`, () => HttpResponse.error()),
    )
    await expect(http.get('/me')).rejects.toBeInstanceOf(ApiError)
    expect(useSessionStore.getState().user).not.toBeNull()
  })

  it('does not try to refresh when a sign-in call itself answers 401', async () => {
    let refreshes = 0
    server.use(
      mswHttp.post(`${API}/auth/refresh`, () => {
        refreshes += 1
        return HttpResponse.json(fixtureSession())
      }),
    )
    await expect(useSessionStore.getState().signInAsStaff('window1', 'wrong')).rejects.toMatchObject({ code: 'CREDENTIALS_INVALID' })
    expect(refreshes).toBe(0)
  })

  it('signs out on the device even when the network is gone', async () => {
    await signedIn()
    server.use(mswHttp.post(`${API}/auth/logout`, () => HttpResponse.error()))
    await useSessionStore.getState().signOut()
    expect(useSessionStore.getState()).toMatchObject({ user: null, accessToken: null, refreshToken: null })
    expect(String(Taro.getStorageSync('banshi.session'))).not.toContain('mock-refresh')
  })

  it('has no WeChat sign-in in the browser', async () => {
    expect(await useSessionStore.getState().signInWithWechat()).toBe(false)
    expect(useSessionStore.getState().user).toBeNull()
  })

  it('mini-program: gets a one-time code from wx.login for the server', async () => {
    const weapp = jest.requireActual('@/platform/wechatLogin.ts') as typeof import('@/platform/wechatLogin')
    expect(weapp.canSignInWithWechat).toBe(true)
    expect(await weapp.wechatLoginCode()).toBe('wx-code')
    ;(Taro.login as jest.Mock).mockRejectedValueOnce(new Error('login:fail'))
    expect(await weapp.wechatLoginCode()).toBeNull()
  })
})

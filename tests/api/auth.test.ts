import { Value } from '@sinclair/typebox/value'
import { SessionSchema, type Session } from '@/domain/contract'
import { ephemeralAuthSettings } from '../../server/modules/auth/settings'
import { WechatClient } from '../../server/modules/auth/wechat'
import { HttpSmsSender } from '../../server/modules/auth/smsSender'
import { hashPassword } from '../../server/security/passwords'
import { insertStaffUser } from '../../server/modules/auth/repo'
import { createTestApp, dialects, postgresSkipReason, WEDNESDAY_10AM, type TestApp } from './support/testApp'
import { expectErrorBody } from './support/expectErrorBody'
import { FAKE_APPID, FAKE_SECRET, startFakeSmsGateway, startFakeWechat, type FakeSmsGateway, type FakeWechat } from './support/fakeServices'
import { bearer, devSignIn } from './support/signIn'

if (postgresSkipReason) console.info(postgresSkipReason)

const MINUTE = 60_000
const PHONE = '13912345678'

describe.each(dialects)('sign-in and tokens on %s', (dialect) => {
  let t: TestApp
  let wechat: FakeWechat
  let sms: FakeSmsGateway
  let nextIp = 1
  // A fresh client address per test, so per-address limits only bite where a test means them to.
  let ip = '10.0.0.1'

  beforeAll(async () => {
    wechat = await startFakeWechat()
    sms = await startFakeSmsGateway()
    t = await createTestApp(dialect, {
      auth: ephemeralAuthSettings({
        wechat: new WechatClient({ apiBase: wechat.url, appId: FAKE_APPID, secret: FAKE_SECRET, timeoutMs: 300 }),
        sms: new HttpSmsSender({ apiBase: sms.url, apiKey: 'sms-test-key', timeoutMs: 300 }),
        devLogin: true,
      }),
    })
    await insertStaffUser(
      t.app.db,
      { role: 'window_staff', username: 'clerk', name: '窗口', password_hash: await hashPassword('correct horse battery'), grid_id: null, hall_id: 'lh-district' },
      t.clock.now(),
    )
  })
  afterAll(async () => {
    await t.close()
    await wechat.close()
    await sms.close()
  })
  beforeEach(() => {
    t.clock.set(WEDNESDAY_10AM)
    sms.mode = 'ok'
    nextIp += 1
    ip = `10.0.${Math.floor(nextIp / 250)}.${nextIp % 250}`
  })

  const post = (url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload: payload as object, headers, remoteAddress: ip })
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers, remoteAddress: ip })
  const expectSession = (res: { statusCode: number; json(): unknown; body: string }): Session => {
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(Value.Check(SessionSchema, body)).toBe(true)
    return body as Session
  }
  let phoneSeq = 0
  const freshPhone = () => `137${String(++phoneSeq).padStart(8, '0')}`

  describe('WeChat mini-program (code2session)', () => {
    it('signs a new citizen in by openid and finds the same citizen next time', async () => {
      wechat.answers.set('code-1', { openid: 'o-citizen-1' })
      wechat.answers.set('code-2', { openid: 'o-citizen-1' })
      const first = expectSession(await post('/auth/wechat', { code: 'code-1' }))
      const second = expectSession(await post('/auth/wechat', { code: 'code-2' }))
      expect(first.user.role).toBe('citizen')
      expect(second.user.id).toBe(first.user.id)
      const sent = wechat.requests.at(-1)!
      expect(sent.get('appid')).toBe(FAKE_APPID)
      expect(sent.get('js_code')).toBe('code-2')
    })

    it('answers CODE_INVALID for a code WeChat rejects', async () => {
      expectErrorBody(await post('/auth/wechat', { code: 'never-issued' }), 400, 'CODE_INVALID')
      wechat.answers.set('used', { errcode: 40163, errmsg: 'code been used' })
      expectErrorBody(await post('/auth/wechat', { code: 'used' }), 400, 'CODE_INVALID')
    })

    it('answers 503 with Retry-After when WeChat reports an error or does not answer in time', async () => {
      wechat.answers.set('busy', { errcode: -1, errmsg: 'system busy' })
      const busy = await post('/auth/wechat', { code: 'busy' })
      expectErrorBody(busy, 503, 'WECHAT_UNAVAILABLE')
      expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0)

      wechat.answers.set('slow', 'hang')
      const slow = await post('/auth/wechat', { code: 'slow' })
      expectErrorBody(slow, 503, 'WECHAT_UNAVAILABLE')
      expect(slow.headers['retry-after']).toBeDefined()
    })

    it('rejects a missing or empty code as bad input', async () => {
      expectErrorBody(await post('/auth/wechat', {}), 400, 'VALIDATION_FAILED')
      expectErrorBody(await post('/auth/wechat', { code: '' }), 400, 'VALIDATION_FAILED')
    })
  })

  describe('phone and SMS code', () => {
    const sendCode = (phone: string) => post('/auth/sms/send', { phone })

    it('texts a 6-digit code through the gateway and signs in with it once', async () => {
      const phone = freshPhone()
      const sent = await sendCode(phone)
      expect(sent.statusCode).toBe(200)
      expect(sent.json()).toEqual({ resendAfterS: 60, expiresInS: 300 })
      const code = sms.lastCodeFor(phone)
      expect(code).toMatch(/^\d{6}$/)
      expect(sms.messages.at(-1)).toMatchObject({ minutes: 5, authorization: 'Bearer sms-test-key' })

      const session = expectSession(await post('/auth/sms/verify', { phone, code }))
      expect(session.user).toMatchObject({ role: 'citizen', phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}` })
      // Single use.
      expectErrorBody(await post('/auth/sms/verify', { phone, code }), 400, 'CODE_INVALID')
    })

    it('signs the same phone in to the same account', async () => {
      const phone = freshPhone()
      await sendCode(phone)
      const first = expectSession(await post('/auth/sms/verify', { phone, code: sms.lastCodeFor(phone) }))
      t.clock.advance(2 * MINUTE)
      await sendCode(phone)
      const second = expectSession(await post('/auth/sms/verify', { phone, code: sms.lastCodeFor(phone) }))
      expect(second.user.id).toBe(first.user.id)
    })

    it('rejects a wrong code, then an expired one', async () => {
      const phone = freshPhone()
      await sendCode(phone)
      const code = sms.lastCodeFor(phone)
      const wrong = code === '000000' ? '111111' : '000000'
      const body = expectErrorBody(await post('/auth/sms/verify', { phone, code: wrong }), 400, 'CODE_INVALID')
      expect(body.error.details.attemptsLeft).toBe(4)
      t.clock.advance(5 * MINUTE + 1000)
      expectErrorBody(await post('/auth/sms/verify', { phone, code }), 400, 'CODE_INVALID')
    })

    it('allows 5 tries per code; the 6th is refused even with the right code', async () => {
      const phone = freshPhone()
      await sendCode(phone)
      const code = sms.lastCodeFor(phone)
      const wrong = code === '000000' ? '111111' : '000000'
      for (let i = 0; i < 5; i += 1) expectErrorBody(await post('/auth/sms/verify', { phone, code: wrong }), 400, 'CODE_INVALID')
      const refused = await post('/auth/sms/verify', { phone, code })
      expectErrorBody(refused, 429, 'CODE_ATTEMPTS_EXCEEDED')
      expect(refused.headers['retry-after']).toBeDefined()
    })

    it('only the latest code works', async () => {
      const phone = freshPhone()
      await sendCode(phone)
      const older = sms.lastCodeFor(phone)
      t.clock.advance(61_000)
      await sendCode(phone)
      const newer = sms.lastCodeFor(phone)
      if (older !== newer) expectErrorBody(await post('/auth/sms/verify', { phone, code: older }), 400, 'CODE_INVALID')
      expectSession(await post('/auth/sms/verify', { phone, code: newer }))
    })

    it('sends at most one code a minute per phone, with Retry-After', async () => {
      const phone = freshPhone()
      expect((await sendCode(phone)).statusCode).toBe(200)
      t.clock.advance(20_000)
      const again = await sendCode(phone)
      const body = expectErrorBody(again, 429, 'SMS_TOO_FREQUENT')
      expect(Number(again.headers['retry-after'])).toBe(40)
      expect(body.error.details.retryAfterS).toBe(40)
      t.clock.advance(40_000)
      expect((await sendCode(phone)).statusCode).toBe(200)
    })

    it('sends at most 10 codes a day per phone, until midnight in China', async () => {
      const phone = freshPhone()
      for (let i = 0; i < 10; i += 1) {
        expect((await sendCode(phone)).statusCode).toBe(200)
        t.clock.advance(61_000)
      }
      const eleventh = await sendCode(phone)
      expectErrorBody(eleventh, 429, 'SMS_DAILY_LIMIT')
      const untilMidnightS = Math.ceil((Date.parse('2026-11-26T00:00:00+08:00') - t.clock.now().getTime()) / 1000)
      expect(Number(eleventh.headers['retry-after'])).toBe(untilMidnightS)
      t.clock.set('2026-11-26T00:00:01+08:00')
      expect((await sendCode(phone)).statusCode).toBe(200)
    })

    it('limits sends from one address across many phones', async () => {
      let last = await sendCode(freshPhone())
      for (let i = 0; i < 30; i += 1) last = await sendCode(freshPhone())
      expectErrorBody(last, 429, 'RATE_LIMITED')
      expect(last.headers['retry-after']).toBeDefined()
    })

    it('answers 503 when the gateway fails, and the phone may ask again at once', async () => {
      const phone = freshPhone()
      sms.mode = 'fail'
      const failed = await sendCode(phone)
      expectErrorBody(failed, 503, 'SMS_UNAVAILABLE')
      expect(failed.headers['retry-after']).toBeDefined()
      sms.mode = 'hang'
      expectErrorBody(await sendCode(phone), 503, 'SMS_UNAVAILABLE')
      sms.mode = 'ok'
      expect((await sendCode(phone)).statusCode).toBe(200)
    })

    it('names the field when the phone or code is malformed', async () => {
      for (const phone of ['1391234567', '23912345678', '139-1234-5678', 1391234567, null]) {
        const body = expectErrorBody(await post('/auth/sms/send', { phone }), 400, 'VALIDATION_FAILED')
        expect(body.error.details.fields[0].field).toBe('body.phone')
      }
      const body = expectErrorBody(await post('/auth/sms/verify', { phone: PHONE, code: '12345' }), 400, 'VALIDATION_FAILED')
      expect(body.error.details.fields[0].field).toBe('body.code')
      expectErrorBody(await post('/auth/sms/verify', { phone: PHONE, code: '123456' }), 400, 'CODE_INVALID')
    })

    it('rejects malformed JSON without writing anything', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sms/send',
        headers: { 'content-type': 'application/json' },
        payload: '{"phone": "139',
      })
      expectErrorBody(res, 400, 'MALFORMED_JSON')
    })
  })

  describe('staff password sign-in', () => {
    const login = (password: string, username = 'clerk') => post('/auth/staff/login', { username, password })

    it('signs staff in with the right password', async () => {
      const session = expectSession(await login('correct horse battery'))
      expect(session.user).toMatchObject({ role: 'window_staff', username: 'clerk', hallId: 'lh-district', hallName: '龙华区行政服务大厅', gridName: null, phoneMasked: null })
    })

    it('gives the same answer for an unknown user as for a wrong password', async () => {
      const unknown = expectErrorBody(await login('whatever', 'nobody'), 401, 'CREDENTIALS_INVALID')
      const wrong = expectErrorBody(await login('wrong password'), 401, 'CREDENTIALS_INVALID')
      expect(unknown).toEqual(wrong)
    })

    it('does not let citizens sign in as staff', async () => {
      await devSignIn(t.app, { phone: freshPhone() })
      expectErrorBody(await login('anything', 'citizen'), 401, 'CREDENTIALS_INVALID')
    })

    it('locks the account for 15 minutes after 5 wrong passwords, even against the right one', async () => {
      await insertStaffUser(
        t.app.db,
        { role: 'grid_worker', username: 'locky', name: null, password_hash: await hashPassword('the right one!'), grid_id: 'lh-minzhi-baishilong-g1', hall_id: null },
        t.clock.now(),
      )
      for (let i = 0; i < 4; i += 1) expectErrorBody(await login('guess', 'locky'), 401, 'CREDENTIALS_INVALID')
      const locked = await login('guess', 'locky')
      expectErrorBody(locked, 429, 'ACCOUNT_LOCKED')
      expect(Number(locked.headers['retry-after'])).toBe(15 * 60)
      t.clock.advance(10 * MINUTE)
      const stillLocked = await login('the right one!', 'locky')
      expectErrorBody(stillLocked, 429, 'ACCOUNT_LOCKED')
      expect(Number(stillLocked.headers['retry-after'])).toBe(5 * 60)
      t.clock.advance(5 * MINUTE + 1000)
      expectSession(await login('the right one!', 'locky'))
    })

    it('limits password guesses from one address across accounts', async () => {
      let last = await login('guess', 'nobody-0')
      for (let i = 1; i <= 30; i += 1) last = await login('guess', `nobody-${i}`)
      expectErrorBody(last, 429, 'RATE_LIMITED')
      // 31 deliberately slow password checks: give a busy machine room.
    }, 60_000)
  })

  describe('access and refresh tokens', () => {
    const me = (session: Session) => get('/me', bearer(session))
    const refresh = (refreshToken: string) => post('/auth/refresh', { refreshToken })

    it('accepts the access token until it expires, then answers TOKEN_EXPIRED', async () => {
      const session = await devSignIn(t.app, { phone: freshPhone() })
      expect((await me(session)).statusCode).toBe(200)
      t.clock.advance(15 * MINUTE)
      expectErrorBody(await me(session), 401, 'TOKEN_EXPIRED')
    })

    it('rotates the refresh token and keeps the same device session', async () => {
      const session = await devSignIn(t.app, { phone: freshPhone() })
      t.clock.advance(20 * MINUTE)
      const renewed = expectSession(await refresh(session.refreshToken))
      expect(renewed.refreshToken).not.toBe(session.refreshToken)
      expect(renewed.user.id).toBe(session.user.id)
      expect((await me(renewed)).statusCode).toBe(200)
      const devices = await get('/me/sessions', bearer(renewed))
      expect(devices.json()).toHaveLength(1)
    })

    it('revokes the whole family when a used refresh token comes back', async () => {
      const session = await devSignIn(t.app, { phone: freshPhone() })
      const renewed = expectSession(await refresh(session.refreshToken))
      // Someone replays the first token (stolen, or copied from a backup).
      expectErrorBody(await refresh(session.refreshToken), 401, 'TOKEN_INVALID')
      expectErrorBody(await refresh(renewed.refreshToken), 401, 'TOKEN_INVALID')
      expectErrorBody(await me(renewed), 401, 'TOKEN_INVALID')
    })

    it('lets exactly one of two simultaneous refreshes with the same token through', async () => {
      const session = await devSignIn(t.app, { phone: freshPhone() })
      const results = await Promise.all([refresh(session.refreshToken), refresh(session.refreshToken)])
      expect(results.map((res) => res.statusCode).sort()).toEqual([200, 401])
    })

    it('signs out: access and refresh tokens stop working at once', async () => {
      const session = await devSignIn(t.app, { phone: freshPhone() })
      const out = await post('/auth/logout', undefined, bearer(session))
      expect(out.statusCode).toBe(204)
      expectErrorBody(await me(session), 401, 'TOKEN_INVALID')
      expectErrorBody(await refresh(session.refreshToken), 401, 'TOKEN_INVALID')
    })

    it('rejects missing, malformed, forged and tampered tokens', async () => {
      const session = await devSignIn(t.app, { phone: freshPhone() })
      expectErrorBody(await get('/me'), 401, 'AUTH_REQUIRED')
      expectErrorBody(await get('/me', { authorization: 'Basic abc' }), 401, 'TOKEN_INVALID')
      expectErrorBody(await get('/me', { authorization: 'Bearer not.a.jwt' }), 401, 'TOKEN_INVALID')
      const [header, payload, signature] = session.accessToken.split('.')
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
      const promoted = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')
      expectErrorBody(await get('/me', { authorization: `Bearer ${header}.${promoted}.${signature}` }), 401, 'TOKEN_INVALID')
      const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')
      expectErrorBody(await get('/me', { authorization: `Bearer ${none}.${payload}.` }), 401, 'TOKEN_INVALID')
      expectErrorBody(await refresh('made-up-token'), 401, 'TOKEN_INVALID')
    })

    it('refuses an expired refresh token', async () => {
      const session = await devSignIn(t.app, { phone: freshPhone() })
      t.clock.advance(31 * 24 * 60 * MINUTE)
      expectErrorBody(await refresh(session.refreshToken), 401, 'TOKEN_EXPIRED')
    })

    it('keeps staff refresh tokens to a working day', async () => {
      const session = expectSession(await post('/auth/staff/login', { username: 'clerk', password: 'correct horse battery' }))
      t.clock.advance(13 * 60 * MINUTE)
      expectErrorBody(await refresh(session.refreshToken), 401, 'TOKEN_EXPIRED')
    })
  })
})

describe('dev sign-in', () => {
  it('does not exist without BANSHI_DEV_LOGIN', async () => {
    const t = await createTestApp('sqlite', { auth: ephemeralAuthSettings({ devLogin: false }) })
    try {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/dev', payload: { phone: PHONE } })
      expectErrorBody(res, 404, 'ROUTE_NOT_FOUND')
      const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json()
      expect(Object.keys(doc.paths)).not.toContain('/api/v1/auth/dev')
    } finally {
      await t.close()
    }
  })

  it('exists with it, for a phone or a staff username', async () => {
    const t = await createTestApp('sqlite', { auth: ephemeralAuthSettings({ devLogin: true }) })
    try {
      const citizen = await devSignIn(t.app, { phone: PHONE })
      expect(citizen.user.role).toBe('citizen')
      const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/dev', payload: { username: 'ghost' } })
      expectErrorBody(unknown, 404, 'USER_NOT_FOUND')
    } finally {
      await t.close()
    }
  })

  it('answers 503 for WeChat and SMS sign-in when they are not configured', async () => {
    const t = await createTestApp('sqlite')
    try {
      const wechat = await t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code: 'x' } })
      expectErrorBody(wechat, 503, 'WECHAT_UNAVAILABLE')
      const sms = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sms/send', payload: { phone: PHONE } })
      expectErrorBody(sms, 503, 'SMS_UNAVAILABLE')
    } finally {
      await t.close()
    }
  })
})

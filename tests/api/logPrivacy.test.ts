// The server's log is read by operators and shipped to log stores: it must never hold ID numbers, phone numbers,
// sign-in codes, passwords or tokens. This drives every personal-data path with logging on and scans what was written.
import { Writable } from 'node:stream'
import { loggerOptions } from '../../server/app'
import { ephemeralAuthSettings } from '../../server/modules/auth/settings'
import { HttpSmsSender } from '../../server/modules/auth/smsSender'
import { WechatClient } from '../../server/modules/auth/wechat'
import { ensureDemoAccounts, DEMO_PASSWORD } from '../../server/seed/demoAccounts'
import { createTestApp, type TestApp } from './support/testApp'
import { FAKE_APPID, FAKE_SECRET, startFakeSmsGateway, startFakeWechat, type FakeSmsGateway, type FakeWechat } from './support/fakeServices'
import { bearer } from './support/signIn'
import { HALL, POLICE_ITEM, policeTemplate, slotsOf } from './support/appointments'

const PHONE = '13912348765'
const ID_NUMBER = '440308199003071235'

describe('server log', () => {
  let t: TestApp
  let sms: FakeSmsGateway
  let wechat: FakeWechat
  let written = ''
  const sink = new Writable({
    write(chunk, _encoding, done) {
      written += chunk.toString()
      done()
    },
  })

  beforeAll(async () => {
    sms = await startFakeSmsGateway()
    wechat = await startFakeWechat()
    t = await createTestApp('sqlite', {
      logger: loggerOptions('debug', sink),
      auth: ephemeralAuthSettings({
        sms: new HttpSmsSender({ apiBase: sms.url, apiKey: 'sms-test-key', timeoutMs: 500 }),
        wechat: new WechatClient({ apiBase: wechat.url, appId: FAKE_APPID, secret: FAKE_SECRET, timeoutMs: 500 }),
      }),
    })
    await ensureDemoAccounts(t.app.db, t.clock.now())
  })
  afterAll(async () => {
    await t.close()
    await sms.close()
    await wechat.close()
  })

  it('holds no phone, ID number, code, password or token after every sign-in and personal-data path', async () => {
    const post = (url: string, payload?: object, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload, headers })
    const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers })
    const secrets: string[] = [PHONE, ID_NUMBER, DEMO_PASSWORD, 'wrong-password-1', 'wx-code-secret-1']

    await post('/auth/sms/send', { phone: PHONE })
    const code = sms.lastCodeFor(PHONE)
    secrets.push(code)
    await post('/auth/sms/verify', { phone: PHONE, code: code === '000000' ? '111111' : '000000' })
    const citizen = (await post('/auth/sms/verify', { phone: PHONE, code })).json()
    secrets.push(citizen.accessToken, citizen.refreshToken)

    await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: bearer(citizen), payload: { idNumber: ID_NUMBER, sensitiveConsent: true } })
    await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: bearer(citizen), payload: { idNumber: '440308199003071236' } })
    await get('/me', bearer(citizen))

    wechat.answers.set('wx-code-secret-1', { openid: 'o-log-test' })
    const viaWechat = (await post('/auth/wechat', { code: 'wx-code-secret-1' })).json()
    secrets.push(viaWechat.accessToken, 'o-log-test')

    await post('/auth/staff/login', { username: 'window1', password: 'wrong-password-1' })
    const clerk = (await post('/auth/staff/login', { username: 'window1', password: DEMO_PASSWORD })).json()
    secrets.push(clerk.accessToken, clerk.refreshToken)
    expect((await get(`/staff/citizens?phone=${PHONE}`, bearer(clerk))).statusCode).toBe(200)
    expect((await get(`/staff/citizens?idNumber=${ID_NUMBER}`, bearer(clerk))).statusCode).toBe(200)

    // Booking an appointment and joining a waitlist carry a name, phone and ID number in the body.
    await policeTemplate(t.app)
    const slot = (await slotsOf(t.app, '2026-11-26'))[0]
    const person = { name: '王五', phone: PHONE, idNumber: ID_NUMBER }
    expect((await post('/appointments', { slotId: slot.id, itemCode: POLICE_ITEM, ...person }, bearer(citizen))).statusCode).toBe(201)
    await post('/appointments', { slotId: slot.id, itemCode: POLICE_ITEM, ...person, idNumber: '440308199003071236' }, bearer(citizen))
    await post('/appointments/waitlist', { hallId: HALL, itemCode: POLICE_ITEM, date: '2026-11-27', ...person }, bearer(citizen))
    await get('/appointments', bearer(citizen))

    const renewed = (await post('/auth/refresh', { refreshToken: citizen.refreshToken })).json()
    secrets.push(renewed.accessToken, renewed.refreshToken)
    await post('/auth/refresh', { refreshToken: citizen.refreshToken }) // reuse: logged as a warning
    await post('/auth/logout', undefined, bearer(clerk))
    await get('/me', { authorization: `Bearer ${citizen.accessToken}` })

    // The log was written (so this test can fail), with the paths but not the values.
    expect(written).toContain('/api/v1/staff/citizens?phone=…')
    expect(written).toContain('refresh token reused')
    const leaked = secrets.filter((secret) => written.includes(secret))
    expect(leaked).toEqual([])
    // Nor any 11-digit mobile or 18-character ID number that was not in the list.
    expect(written).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/)
    expect(written).not.toMatch(/(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/)
  })
})

// The consent routes the app calls when a person allows reminders: WeChat grants, Web Push subscriptions, switches.
import type { Session } from '@/domain/contract'
import { ephemeralAuthSettings } from '../../server/modules/auth/settings'
import { createTestApp, dialects, postgresSkipReason, type TestApp } from './support/testApp'
import { bearer, devSignIn } from './support/signIn'
import { expectErrorBody } from './support/expectErrorBody'
import { enqueueNotice } from '../../server/modules/notify/outbox'

if (postgresSkipReason) console.info(postgresSkipReason)

const P256DH = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 9)]).toString('base64url')
const AUTH = Buffer.alloc(16, 3).toString('base64url')
const subscription = (name: string, endpoint = `https://push.example.org/send/${name}`) => ({ endpoint, keys: { p256dh: P256DH, auth: AUTH }, expirationTime: null })

describe.each(dialects)('notification consent on %s', (dialect) => {
  let t: TestApp
  let citizen: Session
  const templates = { queue: 'tmpl-q', appointment: 'tmpl-a', application: null }

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      auth: ephemeralAuthSettings({ devLogin: true }),
      notificationConsent: { config: { wechatTemplates: templates, vapidPublicKey: 'BPublicKey' }, allowLocalHttpPush: false },
    })
  })
  afterAll(() => t.close())
  beforeEach(async () => {
    citizen = await devSignIn(t.app, { phone: `1360000${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}` })
  })

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, who: Session | null = citizen) =>
    t.app.inject({ method, url: `/api/v1${url}`, payload, headers: who ? bearer(who) : {} })

  it('tells anyone which templates to ask for and the Web Push key', async () => {
    const res = await call('GET', '/notifications/config', undefined, null)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ wechatTemplates: templates, vapidPublicKey: 'BPublicKey' })
  })

  it('starts with reminders on, SMS on, Chinese, a known phone and nothing else', async () => {
    const res = await call('GET', '/me/notification-settings')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      settings: { enabled: true, sms: true, locale: 'zh-CN' },
      channels: { wechat: { queue: 0, appointment: 0, application: 0 }, webpush: 0, sms: true },
    })
  })

  it('counts one grant per accepted template and clears a template the person rejected or banned', async () => {
    await call('POST', '/me/notification-grants', { grants: [{ template: 'queue', result: 'accept' }, { template: 'appointment', result: 'accept' }] })
    const second = await call('POST', '/me/notification-grants', { grants: [{ template: 'queue', result: 'accept' }] })
    expect(second.json().channels.wechat).toEqual({ queue: 2, appointment: 1, application: 0 })
    const banned = await call('POST', '/me/notification-grants', { grants: [{ template: 'queue', result: 'ban' }, { template: 'appointment', result: 'reject' }] })
    expect(banned.statusCode).toBe(200)
    expect(banned.json().channels.wechat).toEqual({ queue: 0, appointment: 0, application: 0 })
  })

  it('refuses an unknown template or result, and more than 3 at once, as bad input', async () => {
    for (const payload of [
      { grants: [{ template: 'tax', result: 'accept' }] },
      { grants: [{ template: 'queue', result: 'maybe' }] },
      { grants: [] },
      { grants: Array.from({ length: 4 }, () => ({ template: 'queue', result: 'accept' })) },
    ]) {
      const res = await call('POST', '/me/notification-grants', payload)
      expect(res.statusCode).toBe(400)
      expectErrorBody(res, 400, 'VALIDATION_FAILED')
    }
  })

  it('saves a browser subscription once, however often it is sent, and forgets it on DELETE', async () => {
    await call('PUT', '/me/push-subscriptions', subscription('phone'))
    const again = await call('PUT', '/me/push-subscriptions', subscription('phone'))
    expect(again.statusCode).toBe(200)
    expect(again.json().channels.webpush).toBe(1)
    const gone = await call('DELETE', '/me/push-subscriptions', { endpoint: subscription('phone').endpoint })
    expect(gone.statusCode).toBe(204)
    expect((await call('GET', '/me/notification-settings')).json().channels.webpush).toBe(0)
    expect((await call('DELETE', '/me/push-subscriptions', { endpoint: 'https://push.example.org/never' })).statusCode).toBe(204)
  })

  it('moves a browser to the account now signed in on it', async () => {
    const other = await devSignIn(t.app, { phone: '13900000077' })
    await call('PUT', '/me/push-subscriptions', subscription('shared'), other)
    await call('PUT', '/me/push-subscriptions', subscription('shared'))
    expect((await call('GET', '/me/notification-settings', undefined, other)).json().channels.webpush).toBe(0)
    expect((await call('GET', '/me/notification-settings')).json().channels.webpush).toBe(1)
  })

  it('forgets browsers, grants and switches when the account is closed, and drops its unsent reminders', async () => {
    await call('PUT', '/me/push-subscriptions', subscription('closing'))
    await call('POST', '/me/notification-grants', { grants: [{ template: 'queue', result: 'accept' }] })
    await call('PUT', '/me/notification-settings', { locale: 'en' })
    const userId = citizen.user.id
    await t.database.db.transaction().execute((trx) =>
      enqueueNotice(trx, t.clock.now(), { dedupKey: `queue_near:closing-${userId}`, kind: 'queue_near', userId, params: { path: 'pages/ticket/index?id=x', ahead: 3 } }),
    )
    expect((await call('DELETE', '/me')).statusCode).toBe(204)
    const left = async (table: 'push_subscriptions' | 'notification_grants' | 'notification_settings') =>
      (await t.database.db.selectFrom(table).select('user_id').where('user_id', '=', userId).execute()).length
    expect([await left('push_subscriptions'), await left('notification_grants'), await left('notification_settings')]).toEqual([0, 0, 0])
    const reminder = await t.database.db.selectFrom('notification_outbox').select(['status', 'last_error']).where('user_id', '=', userId).executeTakeFirstOrThrow()
    expect(reminder).toEqual({ status: 'dropped', last_error: 'account closed' })
  })

  it('keeps at most 10 browsers, dropping the oldest', async () => {
    for (let i = 0; i < 12; i += 1) {
      t.clock.advance(1000)
      await call('PUT', '/me/push-subscriptions', subscription(`b${i}`))
    }
    expect((await call('GET', '/me/notification-settings')).json().channels.webpush).toBe(10)
    const rows = await t.database.db.selectFrom('push_subscriptions').select('endpoint').where('user_id', '=', citizen.user.id).execute()
    expect(rows.map((r) => r.endpoint)).not.toContain(subscription('b0').endpoint)
    expect(rows.map((r) => r.endpoint)).toContain(subscription('b11').endpoint)
  })

  it.each([
    ['plain http', subscription('x', 'http://push.example.org/send/x'), 'body.endpoint'],
    ['a local address in production', subscription('x', 'https://127.0.0.1/push/x'), 'body.endpoint'],
    ['http on localhost in production', subscription('x', 'http://localhost:9000/push/x'), 'body.endpoint'],
    ['a key that is not a P-256 point', { ...subscription('x'), keys: { p256dh: 'AAAA', auth: AUTH } }, 'body.keys.p256dh'],
    ['an auth secret of the wrong size', { ...subscription('x'), keys: { p256dh: P256DH, auth: 'AAAA' } }, 'body.keys.auth'],
  ])('refuses a subscription with %s (400 INVALID_PUSH_SUBSCRIPTION)', async (_what, body, field) => {
    const res = await call('PUT', '/me/push-subscriptions', body)
    expect(res.statusCode).toBe(400)
    expectErrorBody(res, 400, 'INVALID_PUSH_SUBSCRIPTION')
    expect(res.json().error.details.fields[0].field).toBe(field)
  })

  it('refuses a subscription that is not a URL at all', async () => {
    const res = await call('PUT', '/me/push-subscriptions', subscription('x', 'not a url'))
    expect(res.statusCode).toBe(400)
  })

  it('changes only the switches it is given, and says SMS cannot reach a person who turned it off', async () => {
    const res = await call('PUT', '/me/notification-settings', { sms: false, locale: 'en' })
    expect(res.statusCode).toBe(200)
    expect(res.json().settings).toEqual({ enabled: true, sms: false, locale: 'en' })
    expect(res.json().channels.sms).toBe(false)
    const off = await call('PUT', '/me/notification-settings', { enabled: false })
    expect(off.json().settings).toEqual({ enabled: false, sms: false, locale: 'en' })
    expect((await call('PUT', '/me/notification-settings', { locale: 'fr' })).statusCode).toBe(400)
    // Unknown fields are dropped, as everywhere in this API: nothing changes.
    expect((await call('PUT', '/me/notification-settings', { volume: 11 })).json().settings).toEqual({ enabled: false, sms: false, locale: 'en' })
  })
})

describe('notification consent in development', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp('sqlite', {
      auth: ephemeralAuthSettings({ devLogin: true }),
      notificationConsent: { config: { wechatTemplates: { queue: null, appointment: null, application: null }, vapidPublicKey: null }, allowLocalHttpPush: true },
    })
  })
  afterAll(() => t.close())

  it('accepts a local push service on http://127.0.0.1, for a fake one in development', async () => {
    const citizen = await devSignIn(t.app, { phone: '13600000555' })
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/me/push-subscriptions', payload: subscription('dev', 'http://127.0.0.1:9000/push/dev'), headers: bearer(citizen) })
    expect(res.statusCode).toBe(200)
  })
})

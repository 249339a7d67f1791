import { Value } from '@sinclair/typebox/value'
import { AuditPageSchema, CitizenRecordSchema, ProfileSchema, type Session } from '@/domain/contract'
import { ephemeralAuthSettings } from '../../server/modules/auth/settings'
import { createTestApp, dialects, postgresSkipReason, type TestApp } from './support/testApp'
import { expectErrorBody } from './support/expectErrorBody'
import { bearer, devSignIn, signInEveryRole } from './support/signIn'

if (postgresSkipReason) console.info(postgresSkipReason)

const ID_NUMBER = '440308199003071235'
const ADDRESS = '深圳市龙华区民治街道白石龙社区一区3栋502'

describe.each(dialects)('personal data on %s', (dialect) => {
  let t: TestApp
  let staff: Awaited<ReturnType<typeof signInEveryRole>>
  let phoneSeq = 0
  const freshCitizen = () => {
    const phone = `135${String(++phoneSeq).padStart(8, '0')}`
    return devSignIn(t.app, { phone }).then((session) => ({ phone, session }))
  }

  beforeAll(async () => {
    t = await createTestApp(dialect, { auth: ephemeralAuthSettings({ devLogin: true }) })
    staff = await signInEveryRole(t.app)
  })
  afterAll(() => t.close())

  const request = (method: 'GET' | 'PATCH' | 'DELETE', url: string, session: Session, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: bearer(session), payload })

  describe('my profile', () => {
    it('shows the owner their own phone in full', async () => {
      const { phone, session } = await freshCitizen()
      const res = await request('GET', '/me', session)
      expect(res.statusCode).toBe(200)
      const profile = res.json()
      expect(Value.Check(ProfileSchema, profile)).toBe(true)
      expect(profile).toMatchObject({ phone, idNumber: null, address: null, user: { role: 'citizen', phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}` } })
    })

    it('stores the ID number and address encrypted, with a keyed hash beside the ID number', async () => {
      const { phone, session } = await freshCitizen()
      const res = await request('PATCH', '/me', session, { name: '李四', idNumber: ID_NUMBER.toLowerCase(), address: ADDRESS, sensitiveConsent: true })
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ idNumber: ID_NUMBER, idNumberMasked: '4403**********1235', address: ADDRESS, user: { name: '李四' } })

      const row = await t.app.db.selectFrom('users').selectAll().where('id', '=', session.user.id).executeTakeFirstOrThrow()
      const stored = JSON.stringify(row)
      for (const plain of [ID_NUMBER, ADDRESS, phone, phone.slice(-8)]) expect(stored).not.toContain(plain)
      expect(row.id_number_hash).toBe(t.app.auth.cipher.lookupHash('idNumber', ID_NUMBER))
      expect(row.sensitive_consent_at).not.toBeNull()
    })

    it('rejects a forged ID number, naming the field and what is wrong', async () => {
      const { session } = await freshCitizen()
      const body = expectErrorBody(await request('PATCH', '/me', session, { idNumber: '440308199003071236', sensitiveConsent: true }), 400, 'INVALID_ID_NUMBER')
      expect(body.error.details.fields).toEqual([{ field: 'body.idNumber', issue: 'check digit does not match' }])
      const shape = expectErrorBody(await request('PATCH', '/me', session, { idNumber: '4403081990' }), 400, 'VALIDATION_FAILED')
      expect(shape.error.details.fields[0].field).toBe('body.idNumber')
      const profile = (await request('GET', '/me', session)).json()
      expect(profile.idNumber).toBeNull()
    })

    it('asks for separate consent before taking an ID number', async () => {
      const { session } = await freshCitizen()
      expectErrorBody(await request('PATCH', '/me', session, { idNumber: ID_NUMBER }), 400, 'CONSENT_REQUIRED')
      expect((await request('GET', '/me', session)).json().idNumber).toBeNull()
    })

    it('closes the account: signed out everywhere, personal data erased, the phone starts afresh', async () => {
      const { phone, session } = await freshCitizen()
      await request('PATCH', '/me', session, { idNumber: ID_NUMBER, address: ADDRESS, sensitiveConsent: true })
      const second = await devSignIn(t.app, { phone })
      expect((await request('DELETE', '/me', session)).statusCode).toBe(204)
      expectErrorBody(await request('GET', '/me', second), 401, 'TOKEN_INVALID')
      const row = await t.app.db.selectFrom('users').selectAll().where('id', '=', session.user.id).executeTakeFirstOrThrow()
      expect(row).toMatchObject({ disabled: 1, phone_enc: null, phone_hash: null, id_number_enc: null, address_enc: null })
      const again = await devSignIn(t.app, { phone })
      expect(again.user.id).not.toBe(session.user.id)
    })

    it('lists my signed-in devices and signs one out', async () => {
      const { phone, session } = await freshCitizen()
      const other = await devSignIn(t.app, { phone })
      const devices = (await request('GET', '/me/sessions', session)).json()
      expect(devices).toHaveLength(2)
      const otherDevice = devices.find((device: { current: boolean }) => !device.current)
      expect((await request('DELETE', `/me/sessions/${otherDevice.id}`, session)).statusCode).toBe(204)
      expectErrorBody(await request('GET', '/me', other), 401, 'TOKEN_INVALID')
      expect((await request('GET', '/me', session)).statusCode).toBe(200)
      expectErrorBody(await request('DELETE', `/me/sessions/${otherDevice.id}`, session), 404, 'SESSION_NOT_FOUND')
    })
  })

  describe('staff access to citizens, audited', () => {
    it('finds a citizen by phone or ID number with the data in full, and audits every hit', async () => {
      const { phone, session } = await freshCitizen()
      await request('PATCH', '/me', session, { idNumber: ID_NUMBER, address: ADDRESS, sensitiveConsent: true })

      const byPhone = await request('GET', `/staff/citizens?phone=${phone}`, staff.window1)
      expect(byPhone.statusCode).toBe(200)
      const [record] = byPhone.json()
      expect(Value.Check(CitizenRecordSchema, record)).toBe(true)
      expect(record).toMatchObject({ id: session.user.id, phone, idNumber: ID_NUMBER, address: ADDRESS })

      t.clock.advance(1000)
      const byId = await request('GET', `/staff/citizens?idNumber=${ID_NUMBER}`, staff.window1)
      expect(byId.json().map((found: { id: string }) => found.id)).toContain(session.user.id)
      t.clock.advance(1000)
      expect((await request('GET', `/staff/citizens/${session.user.id}`, staff.admin)).statusCode).toBe(200)

      const audit = await request('GET', `/admin/audit?subject=${session.user.id}`, staff.admin)
      const page = audit.json()
      expect(Value.Check(AuditPageSchema, page)).toBe(true)
      expect(page.entries.map((entry: { action: string; actorId: string }) => [entry.action, entry.actorId])).toEqual([
        ['citizen.read', staff.admin.user.id],
        ['citizen.read', staff.window1.user.id],
        ['citizen.read', staff.window1.user.id],
      ])
      expect(page.entries[2]).toMatchObject({ actorRole: 'window_staff', actorName: '窗口一号', detail: 'lookup by phone', ip: '127.0.0.1' })
      // The audit log records that data was read, never the data.
      expect(JSON.stringify(page)).not.toContain(phone)
      expect(JSON.stringify(page)).not.toContain(ID_NUMBER)
    })

    it('records searches that find nobody', async () => {
      const before = (await request('GET', `/admin/audit?actor=${staff.window1.user.id}`, staff.admin)).json().total
      t.clock.advance(1000)
      const res = await request('GET', '/staff/citizens?phone=13999999999', staff.window1)
      expect(res.json()).toEqual([])
      const after = (await request('GET', `/admin/audit?actor=${staff.window1.user.id}&limit=1`, staff.admin)).json()
      expect(after.total).toBe(before + 1)
      expect(after.entries[0]).toMatchObject({ action: 'citizen.search', subjectId: null, detail: 'lookup by phone: 0 found' })
    })

    it('answers 404 for an id that is not a citizen (staff accounts, forged ids), 400 for bad lookups', async () => {
      expectErrorBody(await request('GET', `/staff/citizens/${staff.admin.user.id}`, staff.window1), 404, 'USER_NOT_FOUND')
      expectErrorBody(await request('GET', '/staff/citizens/not-a-real-id', staff.window1), 404, 'USER_NOT_FOUND')
      expectErrorBody(await request('GET', '/staff/citizens', staff.window1), 400, 'VALIDATION_FAILED')
      expectErrorBody(await request('GET', '/staff/citizens?idNumber=440308199003071236', staff.window1), 400, 'INVALID_ID_NUMBER')
      expectErrorBody(await request('GET', '/staff/citizens?phone=123', staff.window1), 400, 'VALIDATION_FAILED')
    })
  })
})

describe('retention of sign-in data', () => {
  it('purges old SMS codes, expired refresh tokens and long-idle sessions, and keeps the rest', async () => {
    const { purgeExpiredSignInData } = await import('../../server/modules/auth/retention')
    const t = await createTestApp('sqlite', { auth: ephemeralAuthSettings({ devLogin: true }) })
    try {
      const old = await devSignIn(t.app, { phone: '13300000001' })
      await t.app.db.insertInto('sms_codes').values({ id: 'old-code', phone_hash: 'h', code_hash: 'c', created_at: t.clock.now().toISOString(), expires_at: t.clock.now().toISOString() }).execute()
      t.clock.advance(40 * 24 * 60 * 60 * 1000)
      const recent = await devSignIn(t.app, { phone: '13300000002' })
      expect(await purgeExpiredSignInData(t.app.db, t.clock.now())).toEqual({ smsCodes: 1, refreshTokens: 1, sessions: 1 })
      const sessions = await t.app.db.selectFrom('sessions').select('user_id').execute()
      expect(sessions.map((row) => row.user_id)).toEqual([recent.user.id])
      expect(sessions.map((row) => row.user_id)).not.toContain(old.user.id)
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(recent) })).statusCode).toBe(200)
    } finally {
      await t.close()
    }
  })
})

import type { Session } from '@/domain/contract'
import { ephemeralAuthSettings } from '../../server/modules/auth/settings'
import { insertStaffUser } from '../../server/modules/auth/repo'
import { createTestApp, dialects, postgresSkipReason, WEDNESDAY_10AM, type TestApp } from './support/testApp'
import { bearer, devSignIn, signInEveryRole } from './support/signIn'
import { expectErrorBody } from './support/expectErrorBody'
import { addResident, GRID1 } from './support/residents'
import { submitBody, uploadId } from './support/applications'
import { purgeExpiredIdempotencyKeys } from '../../server/http/idempotency'

if (postgresSkipReason) console.info(postgresSkipReason)

const ALLOWANCE = '020200010000' // 高龄老人津贴申领, from 80
const CARD = '020200020000' // 老年人优待证办理, from 60

describe.each(dialects)('grid workers on %s', (dialect) => {
  let t: TestApp
  let s: Awaited<ReturnType<typeof signInEveryRole>>

  beforeAll(async () => {
    t = await createTestApp(dialect, { auth: ephemeralAuthSettings({ devLogin: true }) })
    s = await signInEveryRole(t.app)
  }, 60_000)
  afterAll(() => t.close())
  afterEach(() => t.clock.set(WEDNESDAY_10AM))

  const get = (url: string, session: Session) => t.app.inject({ method: 'GET', url, headers: bearer(session) })
  const visit = (session: Session, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/grid/visits', headers: bearer(session), payload })

  it('lists who qualifies, most urgent first, with the reason, and leaves out those covered or not yet due', async () => {
    const waitingLongest = await addResident(t.app, { name: '王桂兰', birthDate: '1940-03-01', coveredItems: [CARD] })
    const turning80 = await addResident(t.app, { name: '赵建国', birthDate: '1946-12-10', coveredItems: [CARD] })
    const covered = await addResident(t.app, { name: '钱玉珍', birthDate: '1941-05-05', coveredItems: [CARD, ALLOWANCE] })
    const tooYoung = await addResident(t.app, { name: '孙志强', birthDate: '1980-05-05' })
    const elsewhere = await addResident(t.app, { name: '周丽娟', birthDate: '1940-01-01', gridId: 'lh-longhua-qinghu-g1' })

    const res = await get('/api/v1/grid/residents?eligible=1', s.grid1)
    expect(res.statusCode).toBe(200)
    const list = res.json()
    expect(list.gridId).toBe(GRID1)
    const ids = list.residents.map((resident: { id: string }) => resident.id)
    expect(ids.indexOf(waitingLongest)).toBeLessThan(ids.indexOf(turning80))
    expect(ids).not.toContain(covered)
    expect(ids).not.toContain(tooYoung)
    expect(ids).not.toContain(elsewhere)
    const soon = list.residents.find((resident: { id: string }) => resident.id === turning80)
    expect(soon.eligible).toEqual([
      { itemCode: ALLOWANCE, itemName: '高龄老人津贴申领', reason: { kind: 'age', age: 80, on: '2026-12-10', reached: false }, from: '2026-12-10', daysUntil: 15 },
    ])
    expect(soon.addressMasked).not.toContain('501')
    expect(JSON.stringify(list)).not.toMatch(/\d{17}[\dX]/)
  })

  it("shows the worker's own resident with masked ID, full address and phone, and audits the read", async () => {
    const id = await addResident(t.app, { name: '李秀英', birthDate: '1946-12-10' })
    const res = await get(`/api/v1/grid/residents/${id}`, s.grid1)
    expect(res.statusCode).toBe(200)
    const resident = res.json()
    expect(resident).toMatchObject({
      name: '李秀英',
      age: 79,
      phone: '13900001234',
      address: '民治街道白石龙社区幸福路12号3栋501',
      visits: [],
      applications: [],
    })
    expect(resident.idNumberMasked).toMatch(/^4403\*{10}\d{3}[\dX]$/)
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('subject_id', '=', id).execute()
    expect(audit.map((row) => [row.action, row.actor_id])).toEqual([['resident.read', s.grid1.user.id]])
  })

  it('answers 404 for a resident of another grid, and for a made-up id, the same way', async () => {
    const id = await addResident(t.app)
    expectErrorBody(await get(`/api/v1/grid/residents/${id}`, s.grid2), 404, 'RESIDENT_NOT_FOUND')
    expectErrorBody(await get('/api/v1/grid/residents/not-a-resident', s.grid1), 404, 'RESIDENT_NOT_FOUND')
    expectErrorBody(await visit(s.grid2, { residentId: id, outcome: 'declined' }), 404, 'RESIDENT_NOT_FOUND')
    expectErrorBody(await get(`/api/v1/grid/residents/${id}/applicant`, s.grid2), 404, 'RESIDENT_NOT_FOUND')
  })

  it('prefills the application with the register data in full, audited as a prefill', async () => {
    const id = await addResident(t.app, { name: '陈凤华', birthDate: '1946-12-10' })
    const res = await get(`/api/v1/grid/residents/${id}/applicant`, s.grid1)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ name: '陈凤华', phone: '13900001234', address: '民治街道白石龙社区幸福路12号3栋501' })
    expect(res.json().idNumber).toMatch(/^44030919461210\d{3}[\dX]$/)
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', id).execute()
    expect(audit.map((row) => row.action)).toEqual(['resident.prefill'])
  })

  it('snoozes a resident who was not home for two days, and brings them back after', async () => {
    const id = await addResident(t.app, { birthDate: '1940-02-02', coveredItems: [CARD] })
    const res = await visit(s.grid1, { residentId: id, outcome: 'not_home', note: '  邻居说去女儿家了 ' })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ snoozedUntil: '2026-11-27', visit: { outcome: 'not_home', note: '邻居说去女儿家了', workerName: '网格员甲' } })
    const listed = async (session: Session) =>
      (await get('/api/v1/grid/residents?eligible=1', session)).json().residents.map((r: { id: string }) => r.id)
    expect(await listed(s.grid1)).not.toContain(id)
    t.clock.set('2026-11-27T09:00:00+08:00')
    // Two days on, the morning's sign-in is a new one (access tokens last minutes).
    const later = await devSignIn(t.app, { username: 'grid1' })
    expect(await listed(later)).toContain(id)
    const detail = (await get(`/api/v1/grid/residents/${id}`, later)).json()
    expect(detail.visits).toHaveLength(1)
    expect(detail.lastVisit).toMatchObject({ outcome: 'not_home' })
  })

  it('drops the resident from the list once an application for the item is submitted for them', async () => {
    const id = await addResident(t.app, { name: '黄淑芬', birthDate: '1940-06-06', coveredItems: [CARD] })
    const applicant = (await get(`/api/v1/grid/residents/${id}/applicant`, s.grid1)).json()
    // The allowance needs three materials: ID card, household register, bank account.
    const materials = [await uploadId(t.app, s.grid1), await uploadId(t.app, s.grid1), await uploadId(t.app, s.grid1)]
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      headers: bearer(s.grid1),
      payload: {
        ...submitBody(materials),
        itemCode: ALLOWANCE,
        applicant: { name: applicant.name, idNumber: applicant.idNumber, phone: applicant.phone },
      },
    })
    expect(submitted.statusCode).toBe(201)
    const detail = (await get(`/api/v1/grid/residents/${id}`, s.grid1)).json()
    expect(detail.eligible).toEqual([])
    expect(detail.applications).toHaveLength(1)
    expect(detail.applications[0]).toMatchObject({ itemName: '高龄老人津贴申领', onBehalf: true, canEvaluate: false })
  })

  describe('applying at the door', () => {
    async function doorApplication(residentId: string, extra: Record<string, unknown> = {}) {
      const applicant = (await get(`/api/v1/grid/residents/${residentId}/applicant`, s.grid1)).json()
      const materials = [await uploadId(t.app, s.grid1), await uploadId(t.app, s.grid1), await uploadId(t.app, s.grid1)]
      return {
        ...submitBody(materials),
        itemCode: ALLOWANCE,
        residentId,
        applicant: { name: applicant.name, idNumber: applicant.idNumber, phone: applicant.phone },
        consent: { sensitive: true, attestation: true, signatureUploadId: await uploadId(t.app, s.grid1) },
        ...extra,
      }
    }
    const submit = (payload: object, session = s.grid1) =>
      t.app.inject({ method: 'POST', url: '/api/v1/applications', headers: bearer(session), payload })

    it("keeps the resident's signed consent with the materials, for the handling hall to see", async () => {
      const id = await addResident(t.app, { birthDate: '1941-01-20', coveredItems: [CARD] })
      const res = await submit(await doorApplication(id))
      expect(res.statusCode).toBe(201)
      expect(res.json().materials.map((m: { name: string }) => m.name)).toEqual([
        '居民身份证', '居民户口簿', '本人银行账户信息', '居民授权确认(网格员上门代办)',
      ])
      const row = await t.database.db.selectFrom('applications').select(['resident_id', 'eligibility_override']).where('no', '=', res.json().no).executeTakeFirstOrThrow()
      expect(row).toEqual({ resident_id: id, eligibility_override: null })
    })

    it('makes one application of a door draft sent again days later, after its Idempotency-Key was forgotten', async () => {
      const id = await addResident(t.app, { birthDate: '1941-02-20', coveredItems: [CARD] })
      const body = await doorApplication(id)
      const send = () =>
        t.app.inject({ method: 'POST', url: '/api/v1/applications', headers: { ...bearer(s.grid1), 'idempotency-key': `draft-${id}` }, payload: body })
      const first = await send()
      expect(first.statusCode).toBe(201)
      t.clock.set('2026-11-28T10:00:00+08:00')
      expect(await purgeExpiredIdempotencyKeys(t.database.db, t.clock.now())).toBeGreaterThan(0)
      t.clock.set(WEDNESDAY_10AM) // the worker's session is fresh again by then; only the key is gone
      const again = await send()
      expect(again.statusCode).toBe(201)
      expect(again.json().no).toBe(first.json().no)
      const rows = await t.database.db.selectFrom('applications').select('no').where('resident_id', '=', id).execute()
      expect(rows).toHaveLength(1)
    })

    it('needs both the signature and the worker’s attestation', async () => {
      const id = await addResident(t.app, { birthDate: '1941-01-20', coveredItems: [CARD] })
      const body = await doorApplication(id)
      expectErrorBody(await submit({ ...body, consent: { sensitive: true, attestation: true } }), 400, 'CONSENT_REQUIRED')
      expectErrorBody(await submit({ ...body, consent: { ...body.consent, attestation: false } }), 400, 'CONSENT_REQUIRED')
    })

    it('warns with 409 NOT_ELIGIBLE before the resident qualifies, and accepts it with a reason that is recorded', async () => {
      const id = await addResident(t.app, { birthDate: '1946-12-10', coveredItems: [CARD] }) // 80 in 15 days
      const body = await doorApplication(id)
      const warned = expectErrorBody(await submit(body), 409, 'NOT_ELIGIBLE')
      expect(warned.error.details).toEqual({ itemCode: ALLOWANCE, residentId: id })
      expect(await t.database.db.selectFrom('applications').select('id').where('resident_id', '=', id).execute()).toEqual([])

      const res = await submit({ ...body, eligibilityOverride: { reason: '12月10日满80周岁,家属下月外出,提前申请' } })
      expect(res.statusCode).toBe(201)
      const hallId = res.json().hall.id
      await insertStaffUser(t.database.db, { role: 'window_staff', username: `window-${hallId}`, name: '社区窗口', password_hash: 'x', grid_id: null, hall_id: hallId }, t.clock.now())
      const hallStaff = await devSignIn(t.app, { username: `window-${hallId}` })
      const staffView = await t.app.inject({ method: 'GET', url: `/api/v1/staff/applications/${res.json().no}`, headers: bearer(hallStaff) })
      expect(staffView.json().eligibilityOverride).toBe('12月10日满80周岁,家属下月外出,提前申请')
      const audit = await t.database.db.selectFrom('audit_log').select(['action', 'detail']).where('subject_id', '=', id).where('action', '=', 'application.eligibility_override').execute()
      expect(audit).toEqual([{ action: 'application.eligibility_override', detail: ALLOWANCE }])
    })

    it("refuses another grid's resident and an applicant who is not the register entry", async () => {
      const id = await addResident(t.app, { birthDate: '1941-01-20', coveredItems: [CARD] })
      const body = await doorApplication(id)
      expectErrorBody(await submit({ ...body, residentId: 'made-up' }), 404, 'RESIDENT_NOT_FOUND')
      const other = await addResident(t.app, { birthDate: '1941-02-20', coveredItems: [CARD] })
      expectErrorBody(await submit({ ...body, residentId: other }), 400, 'VALIDATION_FAILED')
      expectErrorBody(await submit({ ...body, consent: { sensitive: true } }, s.citizenA), 400, 'VALIDATION_FAILED')
    })
  })

  it('rejects a bad visit with 400 and writes nothing', async () => {
    const id = await addResident(t.app)
    expectErrorBody(await visit(s.grid1, { residentId: id, outcome: 'gone fishing' }), 400, 'VALIDATION_FAILED')
    expectErrorBody(await visit(s.grid1, { residentId: id, outcome: 'declined', note: 'x'.repeat(501) }), 400, 'VALIDATION_FAILED')
    const visits = await t.database.db.selectFrom('resident_visits').selectAll().where('resident_id', '=', id).execute()
    expect(visits).toEqual([])
  })
})

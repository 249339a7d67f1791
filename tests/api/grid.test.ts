import type { Session } from '@/domain/contract'
import { ephemeralAuthSettings } from '../../server/modules/auth/settings'
import { createTestApp, dialects, postgresSkipReason, WEDNESDAY_10AM, type TestApp } from './support/testApp'
import { bearer, devSignIn, signInEveryRole } from './support/signIn'
import { expectErrorBody } from './support/expectErrorBody'
import { addResident, GRID1 } from './support/residents'
import { submitBody, uploadId } from './support/applications'

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

  it('rejects a bad visit with 400 and writes nothing', async () => {
    const id = await addResident(t.app)
    expectErrorBody(await visit(s.grid1, { residentId: id, outcome: 'gone fishing' }), 400, 'VALIDATION_FAILED')
    expectErrorBody(await visit(s.grid1, { residentId: id, outcome: 'declined', note: 'x'.repeat(501) }), 400, 'VALIDATION_FAILED')
    const visits = await t.database.db.selectFrom('resident_visits').selectAll().where('resident_id', '=', id).execute()
    expect(visits).toEqual([])
  })
})

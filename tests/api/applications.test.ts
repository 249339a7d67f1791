import type { Session } from '@/domain/contract'
import { addWorkingDays } from '@/domain/holidays'
import { isValidApplicationNo } from '@/domain/applicationNo'
import { ephemeralAuthSettings } from '../../server/modules/auth/settings'
import { insertStaffUser } from '../../server/modules/auth/repo'
import { createTestApp, dialects, postgresSkipReason, WEDNESDAY_10AM, type TestApp } from './support/testApp'
import { bearer, devSignIn, signInEveryRole } from './support/signIn'
import { expectErrorBody } from './support/expectErrorBody'
import {
  APPLICANT,
  ONLINE_ITEM,
  WINDOW_ONLY_ITEM,
  staffEvent,
  submitBody,
  submitOnline,
  uploadId,
} from './support/applications'

if (postgresSkipReason) console.info(postgresSkipReason)

describe.each(dialects)('applications on %s', (dialect) => {
  let t: TestApp
  let s: Awaited<ReturnType<typeof signInEveryRole>>
  let applicantCitizen: Session

  beforeAll(async () => {
    t = await createTestApp(dialect, { auth: ephemeralAuthSettings({ devLogin: true }) })
    s = await signInEveryRole(t.app)
    // The person the grid worker applies for has an account with the same phone as the applicant.
    applicantCitizen = await devSignIn(t.app, { phone: APPLICANT.phone })
  }, 60_000) // demo staff passwords are hashed with scrypt: slow on a busy shared machine
  afterAll(() => t.close())
  // Access tokens last 15 minutes: every test starts again at Wednesday 10:00.
  afterEach(() => t.clock.set(WEDNESDAY_10AM))

  const get = (url: string, session?: Session) => t.app.inject({ method: 'GET', url, headers: session ? bearer(session) : {} })
  const lookup = (no: string, phoneLast4: string, ip = '10.0.0.1') =>
    t.app.inject({ method: 'GET', url: `/api/v1/applications/lookup?no=${no}&phoneLast4=${phoneLast4}`, remoteAddress: ip })

  describe('submitting', () => {
    it('creates an application with a well-formed number, the submitted event and its materials', async () => {
      const application = await submitOnline(t.app, s.citizenA)
      expect(isValidApplicationNo(application.no)).toBe(true)
      expect(application.no.startsWith('20261125')).toBe(true)
      expect(application).toMatchObject({
        itemCode: ONLINE_ITEM,
        itemName: '居民身份证换领',
        status: 'submitted',
        hall: { id: 'lh-district' },
        acceptedOn: null,
        promisedDueDate: null,
        applicant: { name: '张三', idNumberMasked: '1101**********002X', phoneMasked: '136****0001' },
        submittedBy: { role: 'citizen', onBehalf: false },
      })
      expect(application.materials.map((m) => m.name)).toEqual(['居民身份证', '居民户口簿'])
      expect(application.events).toEqual([{ at: '2026-11-25T02:00:00.000Z', stage: 'submitted', note: null }])
    })

    it('stores the applicant encrypted: no plain ID number or phone in the row', async () => {
      const application = await submitOnline(t.app, s.citizenA)
      const row = await t.database.db.selectFrom('applications').selectAll().where('no', '=', application.no).executeTakeFirstOrThrow()
      expect(JSON.stringify(row)).not.toContain(APPLICANT.idNumber)
      expect(JSON.stringify(row)).not.toContain(APPLICANT.phone)
      expect(JSON.stringify(row)).not.toContain('白石龙')
    })

    it('answers a repeated submission with the same Idempotency-Key with the first application, creating nothing new', async () => {
      const materials = [await uploadId(t.app, s.citizenA), await uploadId(t.app, s.citizenA)]
      const send = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/applications',
          headers: { ...bearer(s.citizenA), 'idempotency-key': `apply-${materials[0]}` },
          payload: submitBody(materials),
        })
      const [first, second] = await Promise.all([send(), send()])
      const third = await send()
      expect([first.statusCode, second.statusCode, third.statusCode]).toEqual([201, 201, 201])
      expect(new Set([first.json().no, second.json().no, third.json().no]).size).toBe(1)
      expect(third.headers['idempotent-replayed']).toBe('true')
      const count = await t.database.db
        .selectFrom('application_materials')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('upload_id', '=', materials[0])
        .executeTakeFirstOrThrow()
      expect(Number(count.n)).toBe(1)
    })

    it('refuses an item that is handled at the window only: 409 NOT_ONLINE', async () => {
      const res = await t.app.inject({
        method: 'POST', url: '/api/v1/applications', headers: bearer(s.citizenA),
        payload: submitBody([], { itemCode: WINDOW_ONLY_ITEM }),
      })
      expectErrorBody(res, 409, 'NOT_ONLINE')
    })

    it('refuses an unknown item (404), a missing required material (400) and no consent for the ID number (400)', async () => {
      const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/applications', headers: bearer(s.citizenA), payload })
      expectErrorBody(await post(submitBody([], { itemCode: '999999999999' })), 404, 'ITEM_NOT_FOUND')
      const one = await uploadId(t.app, s.citizenA)
      const missing = expectErrorBody(await post(submitBody([one])), 400, 'MATERIALS_MISSING')
      expect(missing.error.details.missing).toEqual(['居民户口簿'])
      const two = [one, await uploadId(t.app, s.citizenA)]
      expectErrorBody(await post(submitBody(two, { consent: undefined })), 400, 'CONSENT_REQUIRED')
      expectErrorBody(await post(submitBody(two, { applicant: { ...APPLICANT, idNumber: '110105194912310021' } })), 400, 'INVALID_ID_NUMBER')
      expectErrorBody(await post(submitBody(two, { materialNames: ['居民身份证', '结婚证'] })), 400, 'VALIDATION_FAILED')
      expectErrorBody(await post(submitBody(two, { hallId: 'lh-nowhere' })), 400, 'VALIDATION_FAILED')
      // Nothing was written by any of these.
      const attached = await t.database.db.selectFrom('application_materials').select('upload_id').where('upload_id', 'in', two).execute()
      expect(attached).toEqual([])
    })

    it("refuses uploads that are someone else's or already used in another application", async () => {
      const others = [await uploadId(t.app, s.citizenB), await uploadId(t.app, s.citizenB)]
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/applications', headers: bearer(s.citizenA), payload: submitBody(others) })
      expectErrorBody(res, 400, 'UPLOAD_NOT_FOUND')
      const used = await submitOnline(t.app, s.citizenB)
      const again = await t.app.inject({
        method: 'POST', url: '/api/v1/applications', headers: bearer(s.citizenB),
        payload: submitBody(used.materials.map((m) => m.uploadId)),
      })
      expectErrorBody(again, 400, 'UPLOAD_NOT_FOUND')
    })

    it('lets a grid worker apply for a resident, who then finds it among their own applications', async () => {
      const application = await submitOnline(t.app, s.grid1)
      expect(application.submittedBy).toMatchObject({ role: 'grid_worker', name: '网格员甲', onBehalf: true })
      const mine = (await get('/api/v1/applications', applicantCitizen)).json()
      expect(mine.find((a: { no: string }) => a.no === application.no)).toMatchObject({ onBehalf: true, status: 'submitted' })
      expect((await get(`/api/v1/applications/${application.no}`, applicantCitizen)).statusCode).toBe(200)
      expect((await get(`/api/v1/applications/${application.no}`, s.grid1)).statusCode).toBe(200)
      expectErrorBody(await get(`/api/v1/applications/${application.no}`, s.grid2), 404, 'APPLICATION_NOT_FOUND')
      expectErrorBody(await get(`/api/v1/applications/${application.no}`, s.citizenB), 404, 'APPLICATION_NOT_FOUND')
    })

    it('lists my applications newest first', async () => {
      const citizen = await devSignIn(t.app, { phone: '13900000077' })
      const first = await submitOnline(t.app, citizen, { ...APPLICANT, phone: '13900000077' })
      t.clock.advance(60_000)
      const second = await submitOnline(t.app, citizen, { ...APPLICANT, phone: '13900000077' })
      const list = (await get('/api/v1/applications', citizen)).json()
      expect(list.map((a: { no: string }) => a.no)).toEqual([second.no, first.no])
      expect(list[0]).toMatchObject({ itemName: '居民身份证换领', status: 'submitted', onBehalf: false, canEvaluate: false })
    })
  })

  describe('progress lookup without signing in', () => {
    it('shows status, timeline and masked applicant for the number and the last four phone digits', async () => {
      const application = await submitOnline(t.app, s.citizenA)
      const res = await lookup(application.no, '0001')
      expect(res.statusCode).toBe(200)
      const body = res.json()
      expect(body).toMatchObject({ no: application.no, status: 'submitted', applicantNameMasked: '张*', phoneMasked: '136****0001' })
      expect(JSON.stringify(body)).not.toContain(APPLICANT.idNumber)
      expect(body.applicant).toBeUndefined()
      // Typed with spaces and in lower case, as read from a receipt.
      const typed = `${application.no.slice(0, 8)} ${application.no.slice(8).toLowerCase()}`
      expect((await lookup(encodeURIComponent(typed), '0001')).statusCode).toBe(200)
    })

    it('gives the same 404 for a wrong number and a wrong phone', async () => {
      const application = await submitOnline(t.app, s.citizenA)
      const wrongPhone = expectErrorBody(await lookup(application.no, '9999', '10.0.0.2'), 404, 'APPLICATION_NOT_FOUND')
      const otherNo = `${application.no.slice(0, -2)}${application.no.slice(-1)}${application.no.slice(-2, -1)}`
      const wrongNo = expectErrorBody(await lookup(otherNo, '0001', '10.0.0.2'), 404, 'APPLICATION_NOT_FOUND')
      const unknownNo = expectErrorBody(await lookup('20261125000000000000', '0001', '10.0.0.2'), 404, 'APPLICATION_NOT_FOUND')
      expect(wrongPhone).toEqual(wrongNo)
      expect(wrongNo).toEqual(unknownNo)
      expectErrorBody(await lookup(application.no, '12a4', '10.0.0.2'), 400, 'VALIDATION_FAILED')
    })

    it('limits lookups per client address: 429 with Retry-After, other addresses unaffected', async () => {
      const ip = '10.9.9.9'
      const answers: number[] = []
      for (let i = 0; i < 31; i += 1) answers.push((await lookup('20261125000000000000', '0000', ip)).statusCode)
      expect(answers.slice(0, 30).every((status) => status === 404)).toBe(true)
      const limited = await lookup('20261125000000000000', '0000', ip)
      expectErrorBody(limited, 429, 'RATE_LIMITED')
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
      expect((await lookup('20261125000000000000', '0000', '10.9.9.10')).statusCode).toBe(404)
    })
  })

  describe('window staff move an application through its steps', () => {
    it('records each step as a new event, with the due date from acceptance, 补正 materials, result and delivery', async () => {
      const application = await submitOnline(t.app, s.citizenA)
      const no = application.no
      const staffView = await get(`/api/v1/staff/applications/${no}`, s.window1)
      expect(staffView.statusCode).toBe(200)
      expect(staffView.json()).toMatchObject({ applicant: { idNumber: APPLICANT.idNumber, phone: APPLICANT.phone }, nextStages: ['accepted', 'supplement_requested'] })
      expect(staffView.json().itemMaterials).toEqual(['居民身份证', '居民户口簿'])

      expect((await staffEvent(t.app, s.window1, no, { stage: 'accepted' })).json().status).toBe('accepted')
      const supplement = await staffEvent(t.app, s.window1, no, { stage: 'supplement_requested', materials: ['居民户口簿'], note: '户口簿首页不清晰' })
      expect(supplement.statusCode).toBe(200)
      const during = (await lookup(no, '0001', '10.0.1.1')).json()
      expect(during).toMatchObject({ status: 'supplement_requested', missingMaterials: ['居民户口簿'], acceptedOn: '2026-11-25' })
      expect(during.promisedDueDate).toBe(addWorkingDays('2026-11-25', 15))
      expect(during).toMatchObject({ promisedDueDate: '2026-12-16', daysLeft: 15, overdue: false })

      for (const step of [
        { stage: 'supplement_received' },
        { stage: 'reviewing' },
        { stage: 'decided', outcome: 'approved' },
        { stage: 'completed' },
        { stage: 'delivered', delivery: { method: 'express', carrier: 'EMS', trackingNo: 'EA123456789CN' } },
      ]) {
        t.clock.advance(60_000)
        const res = await staffEvent(t.app, s.window1, no, step)
        expect({ step: step.stage, status: res.statusCode }).toEqual({ step: step.stage, status: 200 })
      }
      const done = (await lookup(no, '0001', '10.0.1.1')).json()
      expect(done).toMatchObject({
        status: 'delivered', outcome: 'approved', missingMaterials: [], overdue: false, daysLeft: null,
        delivery: { method: 'express', trackingNo: 'EA123456789CN' },
      })
      expect(done.events.map((e: { stage: string }) => e.stage)).toEqual([
        'submitted', 'accepted', 'supplement_requested', 'supplement_received', 'reviewing', 'decided', 'completed', 'delivered',
      ])
      expect(done.events[2]).toMatchObject({ materials: ['居民户口簿'], note: '户口簿首页不清晰' })

      const audit = await t.database.db.selectFrom('audit_log').select(['action', 'detail']).where('actor_id', '=', s.window1.user.id).where('action', 'like', 'application.%').execute()
      expect(audit.filter((row) => row.action === 'application.event').map((row) => row.detail)).toEqual(
        expect.arrayContaining(['accepted', 'supplement_requested', 'delivered']),
      )
      expect(audit.some((row) => row.action === 'application.read')).toBe(true)
    })

    it('refuses illegal moves with 409 ILLEGAL_TRANSITION and what is allowed', async () => {
      const { no } = await submitOnline(t.app, s.citizenA)
      const skip = expectErrorBody(await staffEvent(t.app, s.window1, no, { stage: 'decided', outcome: 'approved' }), 409, 'ILLEGAL_TRANSITION')
      expect(skip.error.details).toMatchObject({ status: 'submitted', allowed: ['accepted', 'supplement_requested'] })
      await staffEvent(t.app, s.window1, no, { stage: 'accepted' })
      expectErrorBody(await staffEvent(t.app, s.window1, no, { stage: 'accepted' }), 409, 'ILLEGAL_TRANSITION')
      expectErrorBody(await staffEvent(t.app, s.window1, no, { stage: 'delivered', delivery: { method: 'pickup', place: '1 号窗口' } }), 409, 'ILLEGAL_TRANSITION')
      expectErrorBody(await staffEvent(t.app, s.window1, no, { stage: 'submitted' }), 400, 'VALIDATION_FAILED')
    })

    it('needs the missing materials for 补正, the outcome for 决定 and the delivery for 送达', async () => {
      const { no } = await submitOnline(t.app, s.citizenA)
      expectErrorBody(await staffEvent(t.app, s.window1, no, { stage: 'supplement_requested' }), 400, 'VALIDATION_FAILED')
      expectErrorBody(await staffEvent(t.app, s.window1, no, { stage: 'supplement_requested', materials: ['营业执照'] }), 400, 'VALIDATION_FAILED')
      await staffEvent(t.app, s.window1, no, { stage: 'accepted' })
      await staffEvent(t.app, s.window1, no, { stage: 'reviewing' })
      expectErrorBody(await staffEvent(t.app, s.window1, no, { stage: 'decided' }), 400, 'VALIDATION_FAILED')
      await staffEvent(t.app, s.window1, no, { stage: 'decided', outcome: 'rejected' })
      await staffEvent(t.app, s.window1, no, { stage: 'completed' })
      expectErrorBody(await staffEvent(t.app, s.window1, no, { stage: 'delivered' }), 400, 'VALIDATION_FAILED')
      const pickup = await staffEvent(t.app, s.window1, no, { stage: 'delivered', delivery: { method: 'pickup', place: '龙华区行政服务大厅 1 楼 3 号窗口' } })
      expect(pickup.json()).toMatchObject({ outcome: 'rejected', delivery: { method: 'pickup', place: '龙华区行政服务大厅 1 楼 3 号窗口' } })
    })

    it('lets exactly one of two staff racing on the same step win; the other gets 409', async () => {
      const { no } = await submitOnline(t.app, s.citizenA)
      const answers = await Promise.all([
        staffEvent(t.app, s.window1, no, { stage: 'accepted' }),
        staffEvent(t.app, s.window1, no, { stage: 'accepted' }),
        staffEvent(t.app, s.window1, no, { stage: 'accepted' }),
      ])
      const statuses = answers.map((res) => res.statusCode).sort()
      expect(statuses).toEqual([200, 409, 409])
      const events = await t.database.db.selectFrom('application_events').innerJoin('applications', 'applications.id', 'application_events.application_id').select('stage').where('no', '=', no).execute()
      expect(events).toHaveLength(2)
    })

    it('keeps another hall out (403) and says 404 for an unknown number', async () => {
      const { no } = await submitOnline(t.app, s.citizenA)
      await insertStaffUser(t.database.db, { role: 'window_staff', username: 'window-guanhu', name: '观湖窗口', password_hash: 'x', grid_id: null, hall_id: 'lh-guanhu' }, t.clock.now())
      const other = await devSignIn(t.app, { username: 'window-guanhu' })
      expectErrorBody(await get(`/api/v1/staff/applications/${no}`, other), 403, 'FORBIDDEN')
      expectErrorBody(await staffEvent(t.app, other, no, { stage: 'accepted' }), 403, 'FORBIDDEN')
      expectErrorBody(await get('/api/v1/staff/applications/20261125000000000000', s.window1), 404, 'APPLICATION_NOT_FOUND')
    })

    it('counts days overdue once the promised date has passed', async () => {
      const { no } = await submitOnline(t.app, s.citizenA)
      await staffEvent(t.app, s.window1, no, { stage: 'accepted' })
      t.clock.set(new Date('2026-12-18T10:00:00+08:00')) // due Wed 16 Dec; Thu 17 and Fri 18 have passed
      const late = (await lookup(no, '0001', '10.0.2.1')).json()
      expect(late).toMatchObject({ promisedDueDate: '2026-12-16', overdue: true, daysOverdue: 2, daysLeft: null })
    })
  })

  describe('好差评', () => {
    async function finished(session: Session) {
      const application = await submitOnline(t.app, session)
      for (const step of [{ stage: 'accepted' }, { stage: 'reviewing' }, { stage: 'decided', outcome: 'approved' }]) {
        await staffEvent(t.app, s.window1, application.no, step)
      }
      return application.no
    }
    const rate = (session: Session, no: string, score = 5) =>
      t.app.inject({
        method: 'POST', url: '/api/v1/evaluations', headers: bearer(session),
        payload: { target: { type: 'application', id: no }, score, tags: ['办事快', '态度好'], comment: '一次就办好了' },
      })

    it('is taken once the application is completed, once only, from the person served; the hall sees it', async () => {
      const no = await finished(s.citizenA)
      expectErrorBody(await rate(s.citizenA, no), 409, 'NOT_READY_TO_EVALUATE')
      await staffEvent(t.app, s.window1, no, { stage: 'completed' })
      expect((await get(`/api/v1/applications/${no}`, s.citizenA)).json().canEvaluate).toBe(true)
      expectErrorBody(await rate(s.citizenB, no), 404, 'EVALUATION_TARGET_NOT_FOUND')
      const first = await rate(s.citizenA, no, 4)
      expect(first.statusCode).toBe(201)
      expect(first.json()).toMatchObject({ score: 4, tags: ['办事快', '态度好'], comment: '一次就办好了', target: { type: 'application', id: no } })
      expectErrorBody(await rate(s.citizenA, no, 1), 409, 'ALREADY_EVALUATED')
      const mine = await get(`/api/v1/applications/${no}`, s.citizenA)
      expect(mine.json()).toMatchObject({ canEvaluate: false, evaluation: { score: 4 } })
      expect((await get(`/api/v1/staff/applications/${no}`, s.window1)).json().evaluation).toMatchObject({ score: 4, comment: '一次就办好了' })
    })

    it('lets two racing ratings store one', async () => {
      const no = await finished(s.citizenA)
      await staffEvent(t.app, s.window1, no, { stage: 'completed' })
      const answers = await Promise.all([rate(s.citizenA, no, 5), rate(s.citizenA, no, 2)])
      expect(answers.map((res) => res.statusCode).sort()).toEqual([201, 409])
    })

    it('is not for grid workers (403), appointments or tickets not yet rated here (404), nor scores outside 1–5 (400)', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/evaluations', headers: bearer(s.grid1), payload: { target: { type: 'application', id: 'x' }, score: 5 } })
      expectErrorBody(res, 403, 'FORBIDDEN')
      const ticket = await t.app.inject({ method: 'POST', url: '/api/v1/evaluations', headers: bearer(s.citizenA), payload: { target: { type: 'ticket', id: 'x' }, score: 5 } })
      expectErrorBody(ticket, 404, 'EVALUATION_TARGET_NOT_FOUND')
      const six = await t.app.inject({ method: 'POST', url: '/api/v1/evaluations', headers: bearer(s.citizenA), payload: { target: { type: 'application', id: 'x' }, score: 6 } })
      expectErrorBody(six, 400, 'VALIDATION_FAILED')
    })
  })
})

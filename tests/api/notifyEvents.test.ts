// Every event that reminds someone outside the app writes its outbox row with the change (issue 11).
import type { Session, Ticket } from '@/domain/contract'
import { hallCheckInCode } from '@/domain/appointments'
import { ephemeralAuthSettings } from '../../server/modules/auth/settings'
import { insertStaffUser } from '../../server/modules/auth/repo'
import { closeDay, runAppointmentJob } from '../../server/modules/appointments/schedule'
import { releasePlace } from '../../server/modules/appointments/waitlist'
import { insertWaitlistEntry } from '../../server/modules/appointments/repo'
import { createTestApp, dialects, postgresSkipReason, type TestApp } from './support/testApp'
import { bearer, devSignIn, signInEveryRole } from './support/signIn'
import { callNextAt, staffAction, takeTicket } from './support/queue'
import { HALL, POLICE_ITEM, book, policeTemplate, post, slotsOf } from './support/appointments'
import { APPLICANT, staffEvent, submitBody, submitOnline, uploadId } from './support/applications'
import { addResident } from './support/residents'

if (postgresSkipReason) console.info(postgresSkipReason)

const at = (local: string) => new Date(`${local}+08:00`)

// Demo staff accounts hash their passwords (scrypt) and each test signs several people in: slow on a busy machine.
jest.setTimeout(30_000)

describe.each(dialects)('events that enqueue reminders on %s', (dialect) => {
  let t: TestApp
  let phone = 13911110000

  beforeAll(async () => {
    t = await createTestApp(dialect, { auth: ephemeralAuthSettings({ devLogin: true }) })
  }, 60_000)
  afterAll(() => t.close())

  const citizen = () => devSignIn(t.app, { phone: String((phone += 1)) })
  const outbox = (kind: string, userId?: string | null) => {
    let query = t.database.db.selectFrom('notification_outbox').selectAll().where('kind', '=', kind)
    if (userId !== undefined) query = userId === null ? query.where('user_id', 'is', null) : query.where('user_id', '=', userId)
    return query.orderBy('created_at').orderBy('dedup_key').execute()
  }
  const paramsOf = (row: { params: string }) => JSON.parse(row.params)
  const startOf = (appointment: { slot: { startsAt: string } }) => new Date(appointment.slot.startsAt).toISOString()

  describe('live queue', () => {
    it('enqueues "3 ahead" once per ticket and "called" for each call and recall', async () => {
      t.clock.set(at('2026-11-25T10:00:00'))
      const staff = (await signInEveryRole(t.app)).window1
      const holders: Session[] = []
      for (let i = 0; i < 5; i += 1) holders.push(await citizen())
      const tickets: Ticket[] = []
      for (const holder of holders) tickets.push(await takeTicket(t.app, holder, HALL, 'A'))

      const near = async () => (await outbox('queue_near')).filter((row) => tickets.some((ticket) => row.dedup_key === `queue_near:${ticket.id}`))
      const nearUsers = async () => (await near()).map((row) => row.user_id).sort()
      expect(await nearUsers()).toEqual(holders.slice(0, 4).map((h) => h.user.id).sort())
      expect(paramsOf((await near()).find((row) => row.dedup_key === `queue_near:${tickets[3].id}`)!)).toEqual({ path: `pages/ticket/index?id=${tickets[3].id}`, hallName: tickets[3].hallName, ticketNumber: tickets[3].number, ahead: 3 })

      expect((await callNextAt(t.app, staff, HALL, 1, { categoryIds: ['A'] })).statusCode).toBe(200)
      const called = await outbox('queue_called', holders[0].user.id)
      expect(called).toHaveLength(1)
      expect(called[0]).toMatchObject({ status: 'pending', urgent: 1 })
      expect(paramsOf(called[0])).toMatchObject({ path: `pages/ticket/index?id=${tickets[0].id}`, ticketNumber: tickets[0].number, window: '1' })
      // One more moved up to 3 ahead; nobody is reminded twice.
      expect(await nearUsers()).toEqual(holders.map((h) => h.user.id).sort())

      expect((await staffAction(t.app, staff, tickets[0].id, 'recall')).statusCode).toBe(200)
      expect(await outbox('queue_called', holders[0].user.id)).toHaveLength(2)
      expect((await near()).length).toBe(5)
    })
  })

  describe('appointments', () => {
    beforeAll(async () => {
      t.clock.set(at('2026-11-25T10:00:00'))
      await policeTemplate(t.app)
    })
    const slotAt = async (day: string, hhmm: string) => (await slotsOf(t.app, day)).find((slot) => Date.parse(slot.startsAt) === at(`${day}T${hhmm}:00`).getTime())!

    it('reminds of tomorrow from 18:00 the day before and an hour before the start; a cancelled one gets neither, a check-in withdraws what is unsent', async () => {
      t.clock.set(at('2026-11-25T10:00:00'))
      const keeperPhone = String((phone += 1))
      const kept = await book(t.app, await devSignIn(t.app, { phone: keeperPhone }), (await slotAt('2026-11-26', '10:00')).id)
      const canceller = await citizen()
      const cancelled = await book(t.app, canceller, (await slotAt('2026-11-26', '10:30')).id)
      expect((await post(t.app, canceller, `/appointments/${cancelled.id}/cancel`)).statusCode).toBe(200)
      const tomorrow = async () => (await outbox('appointment_tomorrow')).filter((row) => row.dedup_key.includes(kept.id) || row.dedup_key.includes(cancelled.id))

      t.clock.set(at('2026-11-25T17:59:00'))
      await runAppointmentJob(t.database.db, t.clock.now())
      expect(await tomorrow()).toHaveLength(0)
      t.clock.set(at('2026-11-25T18:00:00'))
      await runAppointmentJob(t.database.db, t.clock.now())
      await runAppointmentJob(t.database.db, t.clock.now())
      const rows = await tomorrow()
      expect(rows.map((row) => row.dedup_key)).toEqual([`appointment_tomorrow:${kept.id}:${startOf(kept)}`])
      expect(rows[0]).toMatchObject({ next_attempt_at: t.clock.now().toISOString(), expires_at: startOf(kept) })
      expect(paramsOf(rows[0])).toMatchObject({ path: `packages/booking/detail/index?id=${kept.id}`, at: startOf(kept), appointmentCode: kept.code })

      t.clock.set(at('2026-11-26T08:59:00'))
      await runAppointmentJob(t.database.db, t.clock.now())
      const soon = async () => (await outbox('appointment_soon')).filter((row) => row.dedup_key.includes(kept.id) || row.dedup_key.includes(cancelled.id))
      expect(await soon()).toHaveLength(0)
      t.clock.set(at('2026-11-26T09:00:00'))
      await runAppointmentJob(t.database.db, t.clock.now())
      expect((await soon()).map((row) => row.dedup_key)).toEqual([`appointment_soon:${kept.id}:${startOf(kept)}`])

      // Checked in before the reminder went out (no worker runs here): it is withdrawn, not sent.
      t.clock.set(at('2026-11-26T09:40:00'))
      const again = await devSignIn(t.app, { phone: keeperPhone })
      expect((await post(t.app, again, `/appointments/${kept.id}/check-in`, { method: 'scan', hallCode: hallCheckInCode(HALL) })).statusCode).toBe(200)
      expect(await soon()).toMatchObject([{ status: 'dropped', last_error: 'checked in' }])
    })

    it('reminds at booking time when booked after 18:00 for tomorrow, holds it past quiet hours, and withdraws it on cancel', async () => {
      t.clock.set(at('2026-11-26T23:00:00'))
      const me = await citizen()
      const late = await book(t.app, me, (await slotAt('2026-11-27', '14:00')).id)
      const [row] = (await outbox('appointment_tomorrow')).filter((r) => r.dedup_key.includes(late.id))
      expect(row).toMatchObject({ status: 'pending', next_attempt_at: at('2026-11-27T08:00:00').toISOString() })
      expect((await post(t.app, me, `/appointments/${late.id}/cancel`)).statusCode).toBe(200)
      const [after] = (await outbox('appointment_tomorrow')).filter((r) => r.dedup_key.includes(late.id))
      expect(after).toMatchObject({ status: 'dropped', last_error: 'cancelled' })
    })

    it('offers a released place to the first person waiting, with a message that opens the booking form on it', async () => {
      t.clock.set(at('2026-11-26T10:00:00'))
      const waiting = await citizen()
      const slot = await slotAt('2026-12-02', '10:00')
      const { cipher } = t.app.auth
      const entryId = `wait-${dialect}`
      await insertWaitlistEntry(t.database.db, {
        id: entryId, user_id: waiting.user.id, hall_id: HALL, scope: 'cat:B', item_code: POLICE_ITEM, item_name: '居民身份证换领', day: '2026-12-02',
        name: '李四', phone_enc: cipher.seal('phone', '13600000011'), phone_hash: cipher.lookupHash('phone', '13600000011'),
        id_number_enc: cipher.seal('idNumber', '11010519491231002X'), id_number_hash: cipher.lookupHash('idNumber', '11010519491231002X'),
        status: 'waiting', active_day: '2026-12-02', offer_slot_id: null, offer_expires_at: null, created_at: t.clock.now().toISOString(),
      })
      await t.database.db.transaction().execute((trx) => releasePlace(trx, slot.id, t.clock.now()))
      const [offer] = await outbox('waitlist_offer', waiting.user.id)
      const heldUntil = new Date(t.clock.now().getTime() + 30 * 60_000).toISOString()
      expect(offer).toMatchObject({ dedup_key: `waitlist_offer:${entryId}:${slot.id}`, urgent: 1, expires_at: heldUntil })
      expect(paramsOf(offer)).toMatchObject({ path: `packages/booking/book/index?item=${POLICE_ITEM}&hall=${HALL}&date=2026-12-02&slot=${slot.id}`, at: heldUntil })
    })

    it('tells each person whose appointment the hall cancelled by closing the day', async () => {
      t.clock.set(at('2026-11-26T10:00:00'))
      const me = await citizen()
      const mine = await book(t.app, me, (await slotAt('2026-12-01', '10:00')).id)
      await closeDay(t.database.db, HALL, '2026-12-01', t.clock.now())
      const rows = await outbox('appointment_cancelled', me.user.id)
      expect(rows.map((row) => row.dedup_key)).toEqual([`appointment_cancelled:${mine.id}`])
      expect(paramsOf(rows[0])).toMatchObject({ path: `packages/booking/detail/index?id=${mine.id}`, appointmentCode: mine.code, at: startOf(mine) })
    })
  })

  describe('applications', () => {
    it('tells the citizen about a supplement request, the decision and the result being ready', async () => {
      t.clock.set(at('2026-11-25T10:00:00'))
      const s = await signInEveryRole(t.app)
      const applicant = await citizen()
      const { no } = await submitOnline(t.app, applicant)
      for (const step of [
        { stage: 'accepted' },
        { stage: 'supplement_requested', materials: ['居民户口簿'] },
        { stage: 'supplement_received' },
        { stage: 'reviewing' },
        { stage: 'decided', outcome: 'approved' },
        { stage: 'completed' },
      ]) {
        expect((await staffEvent(t.app, s.window1, no, step)).statusCode).toBe(200)
      }
      const path = `packages/apply/detail/index?no=${no}`
      const [supplement] = await outbox('application_supplement', applicant.user.id)
      expect(paramsOf(supplement)).toMatchObject({ path, applicationNo: no, materials: ['居民户口簿'] })
      expect(paramsOf((await outbox('application_decided', applicant.user.id))[0])).toMatchObject({ path, outcome: 'approved' })
      expect(paramsOf((await outbox('application_ready', applicant.user.id))[0])).toMatchObject({ path, applicationNo: no })
      expect(supplement.phone_enc).toBeNull()
    })

    it('reaches a resident without an account, whose application a grid worker submitted, by their sealed phone', async () => {
      t.clock.set(at('2026-11-25T10:00:00'))
      const s = await signInEveryRole(t.app)
      const residentPhone = '13700009999'
      await addResident(t.app, { name: '黄淑芬', birthDate: '1940-06-06', phone: residentPhone })
      const materials = [await uploadId(t.app, s.grid1), await uploadId(t.app, s.grid1), await uploadId(t.app, s.grid1)]
      const submitted = await t.app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: bearer(s.grid1),
        payload: { ...submitBody(materials), itemCode: '020200010000', applicant: { ...APPLICANT, name: '黄淑芬', phone: residentPhone } },
      })
      expect(submitted.statusCode).toBe(201)
      const { no } = submitted.json()
      const { hall_id } = await t.database.db.selectFrom('applications').select('hall_id').where('no', '=', no).executeTakeFirstOrThrow()
      await insertStaffUser(t.database.db, { role: 'window_staff', username: `window-${hall_id}`, name: '窗口', password_hash: 'x', grid_id: null, hall_id }, t.clock.now())
      const staff = await devSignIn(t.app, { username: `window-${hall_id}` })
      expect((await staffEvent(t.app, staff, no, { stage: 'supplement_requested', materials: ['居民户口簿'] })).statusCode).toBe(200)

      const rows = (await outbox('application_supplement', null)).filter((row) => paramsOf(row).applicationNo === no)
      expect(rows).toHaveLength(1)
      expect(rows[0].phone_enc).not.toContain(residentPhone)
      expect(t.app.auth.cipher.open('phone', rows[0].phone_enc!)).toBe(residentPhone)
      expect(paramsOf(rows[0]).path).toBe(`pages/progress/index?no=${no}`)
    })
  })
})

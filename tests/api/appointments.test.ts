import { Value } from '@sinclair/typebox/value'
import { AppointmentSchema, CheckInResultSchema, SlotDaySchema, SlotSchema, type Session, type Ticket } from '@/domain/contract'
import { hallCheckInCode } from '@/domain/appointments'
import { ephemeralAuthSettings } from '../../server/modules/auth/settings'
import type { CheckInTickets } from '../../server/modules/appointments/checkInTickets'
import { closeDay, runAppointmentJob } from '../../server/modules/appointments/schedule'
import { completeAppointment } from '../../server/modules/appointments/checkIn'
import { createTestApp, dialects, postgresSkipReason, WEDNESDAY_10AM, type TestApp } from './support/testApp'
import { devSignIn } from './support/signIn'
import { expectErrorBody } from './support/expectErrorBody'
import {
  AT_HALL,
  DISTRICT_ONLY_ITEM,
  FAR_FROM_HALL,
  HALL,
  MARRIAGE_ITEM,
  OTHER_POLICE_ITEM,
  PERSON,
  POLICE_ITEM,
  STREET_HALL,
  UNBOOKABLE_ITEM,
  book,
  bookRequest,
  get,
  policeTemplate,
  post,
  slotsOf,
} from './support/appointments'

if (postgresSkipReason) console.info(postgresSkipReason)

const at = (local: string) => `${local}+08:00`

/** A queue that hands out numbers: stands in for the live queue's issueTicket, which the integrator wires in. */
function recordingTickets() {
  const announced: string[] = []
  let issued = 0
  const tickets: CheckInTickets = {
    async issueFor(trx, { appointment, priority }) {
      issued += 1
      // Reads through the check-in transaction: the appointment is already checked in there.
      const row = await trx.selectFrom('appointments').select('status').where('id', '=', appointment.id).executeTakeFirstOrThrow()
      const ticket: Ticket = {
        id: `t-${issued}`, number: `${appointment.categoryId}${String(issued).padStart(3, '0')}`, hallId: appointment.hallId, hallName: '',
        categoryId: appointment.categoryId, categoryName: '', status: row.status === 'checked_in' ? 'waiting' : 'cancelled', priority,
        source: 'appointment', ahead: 0, estimatedWaitMin: 0, estimatedWaitHighMin: 0, window: null,
        issuedAt: new Date().toISOString(), calledAt: null, finishedAt: null, appointmentId: appointment.id,
      }
      return { ticket, announce: () => announced.push(ticket.id) }
    },
  }
  return { tickets, announced }
}

describe.each(dialects)('appointments on %s', (dialect) => {
  let t: TestApp
  const queue = recordingTickets()
  let phone = 13900000000
  /** A fresh signed-in citizen (tokens last 15 minutes, and tests move the clock by days). */
  const phones = new Map<string, string>()
  const citizen = async (fixedPhone?: string) => {
    const number = fixedPhone ?? String((phone += 1))
    const session = await devSignIn(t.app, { phone: number })
    phones.set(session.user.id, number)
    return session
  }
  /** The same person signed in again, after the clock moved past their token's life. */
  const resign = (session: Session) => devSignIn(t.app, { phone: phones.get(session.user.id)! })

  beforeAll(async () => {
    t = await createTestApp(dialect, { auth: ephemeralAuthSettings({ devLogin: true }), checkInTickets: queue.tickets })
    await policeTemplate(t.app)
  }, 60_000)
  afterAll(() => t.close())
  afterEach(() => t.clock.set(WEDNESDAY_10AM))

  /** The first slot of a day, booked by nobody yet in this file (each test takes its own day or slot). */
  const slotAt = async (date: string, time: string, item = POLICE_ITEM) => {
    const slot = (await slotsOf(t.app, date, item)).find((s) => s.startsAt === at(`${date}T${time}:00`))
    if (!slot) throw new Error(`no slot ${date} ${time}`)
    return slot
  }
  const slotRow = (id: string) => t.database.db.selectFrom('slots').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

  describe('slots', () => {
    it('lists the 14-day window of open days with places left; Sundays are absent', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/halls/${HALL}/slot-days?item=${POLICE_ITEM}` })
      expect(res.statusCode).toBe(200)
      const days = res.json()
      expect(days.every((day: unknown) => Value.Check(SlotDaySchema, day))).toBe(true)
      expect(days[0].date).toBe('2026-11-25')
      expect(days.map((d: { date: string }) => d.date)).not.toContain('2026-11-29')
      expect(days.at(-1).date).toBe('2026-12-08')
      // Thursday: 09:00-18:00 in 30-minute slots, 2 bookable places each.
      expect(days.find((d: { date: string }) => d.date === '2026-11-26')).toEqual({ date: '2026-11-26', remaining: 36, full: false })
      // Saturday morning only.
      expect(days.find((d: { date: string }) => d.date === '2026-11-28')).toEqual({ date: '2026-11-28', remaining: 12, full: false })
    })

    it("lists a day's slots in Shanghai time, only those not yet begun", async () => {
      const today = await slotsOf(t.app, '2026-11-25')
      expect(today.every((slot) => Value.Check(SlotSchema, slot))).toBe(true)
      expect(today[0]).toMatchObject({ startsAt: at('2026-11-25T10:30:00'), endsAt: at('2026-11-25T11:00:00'), capacity: 2 })
      expect(await slotsOf(t.app, '2026-11-29')).toEqual([])
      expect(await slotsOf(t.app, '2026-12-20')).toEqual([])
    })

    it('refuses items that cannot be booked there (409 NOT_BOOKABLE) and unknown halls or items (404)', async () => {
      const slots = (hall: string, item: string) => t.app.inject({ method: 'GET', url: `/api/v1/halls/${hall}/slots?date=2026-11-26&item=${item}` })
      expectErrorBody(await slots(HALL, UNBOOKABLE_ITEM), 409, 'NOT_BOOKABLE')
      expectErrorBody(await slots(STREET_HALL, DISTRICT_ONLY_ITEM), 409, 'NOT_BOOKABLE')
      expectErrorBody(await slots('lh-nowhere', POLICE_ITEM), 404, 'HALL_NOT_FOUND')
      expectErrorBody(await slots(HALL, '999999999999'), 404, 'ITEM_NOT_FOUND')
      expectErrorBody(await t.app.inject({ method: 'GET', url: `/api/v1/halls/${HALL}/slots?date=26-11-2026&item=${POLICE_ITEM}` }), 400, 'VALIDATION_FAILED')
    })
  })

  describe('booking', () => {
    it('books a slot: 201 with a code, masked personal data, one place fewer', async () => {
      const me = await citizen()
      const slot = await slotAt('2026-11-26', '09:00')
      const res = await bookRequest(t.app, me, slot.id)
      expect(res.statusCode).toBe(201)
      const appointment = res.json()
      expect(Value.Check(AppointmentSchema, appointment)).toBe(true)
      expect(appointment).toMatchObject({
        status: 'booked', hallId: HALL, hallName: '龙华区行政服务大厅', itemCode: POLICE_ITEM, itemName: '居民身份证换领',
        slot: { id: slot.id, startsAt: at('2026-11-26T09:00:00'), endsAt: at('2026-11-26T09:30:00') },
        name: '李四', phoneMasked: '136****0011', idNumberMasked: '1101**********002X',
        runningLate: false, ticketId: null, canCancel: true, canReschedule: true, canCheckIn: false,
      })
      expect(appointment.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
      expect((await slotAt('2026-11-26', '09:00')).remaining).toBe(1)
      const row = await t.database.db.selectFrom('appointments').selectAll().where('id', '=', appointment.id).executeTakeFirstOrThrow()
      expect(JSON.stringify(row)).not.toContain(PERSON.idNumber)
      expect(JSON.stringify(row)).not.toContain(PERSON.phone)
      expect(row.active_day).toBe('2026-11-26')
    })

    it('answers a repeated request with the same Idempotency-Key with the first appointment', async () => {
      const me = await citizen()
      const slot = await slotAt('2026-11-26', '09:30')
      const [first, second] = await Promise.all([bookRequest(t.app, me, slot.id, {}, 'book-1'), bookRequest(t.app, me, slot.id, {}, 'book-1')])
      const third = await bookRequest(t.app, me, slot.id, {}, 'book-1')
      expect([first.statusCode, second.statusCode, third.statusCode]).toEqual([201, 201, 201])
      expect(new Set([first.json().id, second.json().id, third.json().id]).size).toBe(1)
      expect(third.headers['idempotent-replayed']).toBe('true')
      expect((await slotRow(slot.id)).booked).toBe(1)
    })

    it('refuses a full slot with 409 SLOT_FULL', async () => {
      const slot = await slotAt('2026-11-26', '10:00')
      await book(t.app, await citizen(), slot.id)
      await book(t.app, await citizen(), slot.id)
      expectErrorBody(await bookRequest(t.app, await citizen(), slot.id), 409, 'SLOT_FULL')
      expect(await slotAt('2026-11-26', '10:00')).toMatchObject({ remaining: 0 })
      expect((await slotRow(slot.id)).booked).toBe(2)
    })

    it('refuses a second appointment for the same item on the same day (409 DUPLICATE_BOOKING), not for another item', async () => {
      const me = await citizen()
      await book(t.app, me, (await slotAt('2026-11-26', '11:00')).id)
      const second = await slotAt('2026-11-26', '14:00')
      expectErrorBody(await bookRequest(t.app, me, second.id), 409, 'DUPLICATE_BOOKING')
      expect((await slotRow(second.id)).booked).toBe(0) // the place taken before the refusal was given back
      await book(t.app, me, second.id, { itemCode: OTHER_POLICE_ITEM })
      await book(t.app, me, (await slotAt('2026-11-27', '14:00')).id)
    })

    it('can book again after cancelling', async () => {
      const me = await citizen()
      const first = await book(t.app, me, (await slotAt('2026-11-26', '11:30')).id)
      expect((await post(t.app, me, `/appointments/${first.id}/cancel`)).statusCode).toBe(200)
      await book(t.app, me, (await slotAt('2026-11-26', '15:00')).id)
    })

    it('checks the ID number (400 INVALID_ID_NUMBER), the phone and the slot (404 SLOT_NOT_FOUND)', async () => {
      const me = await citizen()
      const slot = await slotAt('2026-11-26', '12:00')
      expectErrorBody(await bookRequest(t.app, me, slot.id, { idNumber: '110105194912310021' }), 400, 'INVALID_ID_NUMBER')
      expectErrorBody(await bookRequest(t.app, me, slot.id, { phone: '12345' }), 400, 'VALIDATION_FAILED')
      expectErrorBody(await bookRequest(t.app, me, 'no-such-slot'), 404, 'SLOT_NOT_FOUND')
      expectErrorBody(await bookRequest(t.app, me, slot.id, { itemCode: UNBOOKABLE_ITEM }), 409, 'NOT_BOOKABLE')
      // A police-window slot cannot be used for an item served at the general window.
      expectErrorBody(await bookRequest(t.app, me, slot.id, { itemCode: MARRIAGE_ITEM }), 409, 'NOT_BOOKABLE')
      expect((await slotRow(slot.id)).booked).toBe(0)
    })

    it('refuses a slot that has begun or is no longer within opening hours (409 SLOT_IN_PAST)', async () => {
      const soon = await slotAt('2026-11-25', '10:30')
      t.clock.set(at('2026-11-25T10:30:00'))
      expectErrorBody(await bookRequest(t.app, await citizen(), soon.id), 409, 'SLOT_IN_PAST')
      t.clock.set(WEDNESDAY_10AM)
      const afternoon = await slotAt('2026-11-27', '16:00')
      const hours = (await t.database.db.selectFrom('halls').select('hours').where('id', '=', HALL).executeTakeFirstOrThrow()).hours
      await t.database.db.updateTable('halls').set({ hours: JSON.stringify({ 'mon-fri': [['09:00', '12:00']] }) }).where('id', '=', HALL).execute()
      try {
        expectErrorBody(await bookRequest(t.app, await citizen(), afternoon.id), 409, 'SLOT_IN_PAST')
      } finally {
        await t.database.db.updateTable('halls').set({ hours }).where('id', '=', HALL).execute()
      }
    })

    it('needs a signed-in user', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/appointments', payload: { slotId: 'x', itemCode: POLICE_ITEM, ...PERSON } })
      expectErrorBody(res, 401, 'AUTH_REQUIRED')
    })
  })

  describe('mine', () => {
    it("lists mine (upcoming soonest first, then past) and answers someone else's with 404", async () => {
      const me = await citizen()
      const later = await book(t.app, me, (await slotAt('2026-11-30', '09:00')).id)
      const sooner = await book(t.app, me, (await slotAt('2026-11-27', '09:00')).id, { itemCode: OTHER_POLICE_ITEM })
      const gone = await book(t.app, me, (await slotAt('2026-12-01', '09:00')).id)
      await post(t.app, me, `/appointments/${gone.id}/cancel`)
      const list = (await get(t.app, me, '/appointments')).json()
      expect(list.map((a: { id: string }) => a.id)).toEqual([sooner.id, later.id, gone.id])
      expect((await get(t.app, me, `/appointments/${later.id}`)).json()).toMatchObject({ id: later.id, phoneMasked: '136****0011' })
      const other = await citizen()
      expectErrorBody(await get(t.app, other, `/appointments/${later.id}`), 404, 'APPOINTMENT_NOT_FOUND')
      expectErrorBody(await post(t.app, other, `/appointments/${later.id}/cancel`), 404, 'APPOINTMENT_NOT_FOUND')
      expectErrorBody(await post(t.app, other, `/appointments/${later.id}/check-in`, { method: 'scan', hallCode: hallCheckInCode(HALL) }), 404, 'APPOINTMENT_NOT_FOUND')
      expect((await get(t.app, other, '/appointments')).json()).toEqual([])
    })
  })

  describe('cancel and reschedule', () => {
    it('cancels until 30 minutes before the start, giving the place back; not later (409 TOO_LATE_TO_CANCEL)', async () => {
      const me = await citizen()
      const slot = await slotAt('2026-11-25', '15:00')
      const early = await book(t.app, me, slot.id)
      t.clock.set(at('2026-11-25T14:30:00'))
      const meLater = await resign(me)
      const cancelled = await post(t.app, meLater, `/appointments/${early.id}/cancel`)
      expect(cancelled.json()).toMatchObject({ status: 'cancelled', canCancel: false })
      expect((await slotRow(slot.id)).booked).toBe(0)
      expectErrorBody(await post(t.app, meLater, `/appointments/${early.id}/cancel`), 409, 'APPOINTMENT_NOT_ACTIVE')

      t.clock.set(WEDNESDAY_10AM)
      const me2 = await citizen()
      const late = await book(t.app, me2, slot.id)
      t.clock.set(at('2026-11-25T14:30:01'))
      expectErrorBody(await post(t.app, await citizen(), `/appointments/${late.id}/cancel`), 404, 'APPOINTMENT_NOT_FOUND')
      const again = await resign(me2)
      expectErrorBody(await post(t.app, again, `/appointments/${late.id}/cancel`), 409, 'TOO_LATE_TO_CANCEL')
      expectErrorBody(await post(t.app, again, `/appointments/${late.id}/reschedule`, { slotId: (await slotAt('2026-11-26', '16:00')).id }), 409, 'TOO_LATE_TO_CANCEL')
    })

    it('moves to another slot atomically: the new place taken, the old one given back', async () => {
      const me = await citizen()
      const from = await slotAt('2026-11-30', '10:00')
      const to = await slotAt('2026-12-01', '10:00')
      const appointment = await book(t.app, me, from.id)
      const res = await post(t.app, me, `/appointments/${appointment.id}/reschedule`, { slotId: to.id })
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ id: appointment.id, code: appointment.code, status: 'booked', slot: { id: to.id, startsAt: at('2026-12-01T10:00:00') } })
      expect([(await slotRow(from.id)).booked, (await slotRow(to.id)).booked]).toEqual([0, 1])
      // The day moved with it: the old day is free for the same item again.
      await book(t.app, me, (await slotAt('2026-11-30', '11:00')).id)
    })

    it('keeps the old place when the new slot is full (409 SLOT_FULL), and refuses unknown or same slots', async () => {
      const me = await citizen()
      const from = await slotAt('2026-11-30', '14:00')
      const full = await slotAt('2026-11-30', '14:30')
      const appointment = await book(t.app, me, from.id)
      await book(t.app, await citizen(), full.id)
      await book(t.app, await citizen(), full.id)
      expectErrorBody(await post(t.app, me, `/appointments/${appointment.id}/reschedule`, { slotId: full.id }), 409, 'SLOT_FULL')
      expectErrorBody(await post(t.app, me, `/appointments/${appointment.id}/reschedule`, { slotId: 'nope' }), 404, 'SLOT_NOT_FOUND')
      expectErrorBody(await post(t.app, me, `/appointments/${appointment.id}/reschedule`, { slotId: from.id }), 400, 'VALIDATION_FAILED')
      expect([(await slotRow(from.id)).booked, (await slotRow(full.id)).booked]).toEqual([1, 2])
      expect((await get(t.app, me, `/appointments/${appointment.id}`)).json()).toMatchObject({ status: 'booked', slot: { id: from.id } })
    })

    it('racing moves and a cancel of one appointment never lose or double-count a place', async () => {
      const me = await citizen()
      const slots = [await slotAt('2026-12-02', '11:00'), await slotAt('2026-12-02', '11:30'), await slotAt('2026-12-03', '11:30')]
      const appointment = await book(t.app, me, slots[0].id)
      const answers = await Promise.all([
        post(t.app, me, `/appointments/${appointment.id}/reschedule`, { slotId: slots[1].id }),
        post(t.app, me, `/appointments/${appointment.id}/reschedule`, { slotId: slots[2].id }),
        post(t.app, me, `/appointments/${appointment.id}/cancel`),
      ])
      expect(answers.every((res) => res.statusCode === 200 || res.statusCode === 409)).toBe(true)
      const final = (await get(t.app, me, `/appointments/${appointment.id}`)).json()
      const booked = await Promise.all(slots.map(async (slot) => (await slotRow(slot.id)).booked))
      expect(booked.reduce((sum, n) => sum + n, 0)).toBe(final.status === 'booked' ? 1 : 0)
      if (final.status === 'booked') expect((await slotRow(final.slot.id)).booked).toBe(1)
    })

    it('refuses to move onto a day already booked for the item (409 DUPLICATE_BOOKING), keeping both', async () => {
      const me = await citizen()
      const a = await book(t.app, me, (await slotAt('2026-12-02', '09:00')).id)
      await book(t.app, me, (await slotAt('2026-12-03', '09:00')).id)
      const target = await slotAt('2026-12-03', '10:00')
      expectErrorBody(await post(t.app, me, `/appointments/${a.id}/reschedule`, { slotId: target.id }), 409, 'DUPLICATE_BOOKING')
      expect((await slotRow(target.id)).booked).toBe(0)
      expect((await slotRow(a.slot.id)).booked).toBe(1)
    })
  })

  describe('running late and check-in', () => {
    it('checks in by scanning the hall code from 30 minutes before: checked_in with a priority ticket', async () => {
      let me = await citizen()
      const appointment = await book(t.app, me, (await slotAt('2026-11-25', '11:00')).id)
      t.clock.set(at('2026-11-25T10:29:59'))
      me = await resign(me)
      const scan = { method: 'scan', hallCode: hallCheckInCode(HALL) }
      const early = expectErrorBody(await post(t.app, me, `/appointments/${appointment.id}/check-in`, scan), 409, 'CHECK_IN_TOO_EARLY')
      expect(early.error.details.opensAt).toBe(at('2026-11-25T10:30:00'))
      expectErrorBody(await post(t.app, me, `/appointments/${appointment.id}/check-in`, { method: 'scan', hallCode: hallCheckInCode(STREET_HALL) }), 400, 'HALL_CODE_INVALID')
      expectErrorBody(await post(t.app, me, `/appointments/${appointment.id}/check-in`, { method: 'scan', hallCode: 'hello' }), 400, 'HALL_CODE_INVALID')
      t.clock.set(at('2026-11-25T10:30:00'))
      const res = await post(t.app, me, `/appointments/${appointment.id}/check-in`, scan)
      expect(res.statusCode).toBe(200)
      const result = res.json()
      expect(Value.Check(CheckInResultSchema, result)).toBe(true)
      expect(result.appointment).toMatchObject({ status: 'checked_in', canCheckIn: false, canCancel: false })
      expect(result.ticket).toMatchObject({ priority: true, source: 'appointment', appointmentId: appointment.id, categoryId: 'B', status: 'waiting' })
      expect(result.appointment.ticketId).toBe(result.ticket.id)
      expect(queue.announced).toContain(result.ticket.id)
      expectErrorBody(await post(t.app, me, `/appointments/${appointment.id}/check-in`, scan), 409, 'APPOINTMENT_NOT_ACTIVE')
      // Served at the window: the queue marks it done (once).
      expect(await completeAppointment(t.database.db, appointment.id)).toBe(true)
      expect(await completeAppointment(t.database.db, appointment.id)).toBe(false)
      expect((await get(t.app, me, `/appointments/${appointment.id}`)).json()).toMatchObject({ status: 'done', ticketId: result.ticket.id })
    })

    it('checks in nearby within 500 m only (409 NOT_AT_HALL), until 15 minutes after the start', async () => {
      const me = await citizen()
      const appointment = await book(t.app, me, (await slotAt('2026-11-25', '11:30')).id)
      t.clock.set(at('2026-11-25T11:45:01'))
      const again = await resign(me)
      expectErrorBody(await post(t.app, again, `/appointments/${appointment.id}/check-in`, { method: 'nearby', ...AT_HALL }), 409, 'CHECK_IN_TOO_LATE')
      t.clock.set(at('2026-11-25T11:45:00'))
      expectErrorBody(await post(t.app, again, `/appointments/${appointment.id}/check-in`, { method: 'nearby', ...FAR_FROM_HALL }), 409, 'NOT_AT_HALL')
      const res = await post(t.app, again, `/appointments/${appointment.id}/check-in`, { method: 'nearby', ...AT_HALL })
      expect(res.json().appointment.status).toBe('checked_in')
    })

    it('keeps the appointment 15 minutes longer after "running late", said before the start only', async () => {
      const me = await citizen()
      const appointment = await book(t.app, me, (await slotAt('2026-11-25', '12:00')).id)
      t.clock.set(at('2026-11-25T11:59:00'))
      const again = await resign(me)
      const late = await post(t.app, again, `/appointments/${appointment.id}/running-late`)
      expect(late.json()).toMatchObject({ runningLate: true })
      t.clock.set(at('2026-11-25T12:00:00'))
      const other = await book(t.app, again, (await slotAt('2026-11-26', '17:00')).id)
      t.clock.set(at('2026-11-26T17:00:00'))
      const third = await resign(me)
      expectErrorBody(await post(t.app, third, `/appointments/${other.id}/running-late`), 409, 'TOO_LATE_TO_DECLARE')

      // Past the usual 15 minutes the first one still checks in; a job pass does not mark it a no-show.
      t.clock.set(at('2026-11-25T12:25:00'))
      await runAppointmentJob(t.database.db, t.clock.now())
      const fourth = await resign(me)
      const res = await post(t.app, fourth, `/appointments/${appointment.id}/check-in`, { method: 'scan', hallCode: hallCheckInCode(HALL) })
      expect(res.json().appointment).toMatchObject({ status: 'checked_in', runningLate: true })
    })
  })

  describe('no-shows and suspension', () => {
    it('marks no-shows after the grace period and suspends booking for 7 days after the third (403 with the end)', async () => {
      const phoneNo = String((phone += 1))
      const days = ['2026-12-02', '2026-12-03', '2026-12-04']
      for (const day of days) await book(t.app, await citizen(phoneNo), (await slotAt(day, '16:00')).id)
      t.clock.set(at('2026-12-04T16:15:00'))
      await runAppointmentJob(t.database.db, t.clock.now())
      const counted = await t.database.db.selectFrom('appointments').select('status').where('day', 'in', days).where('starts_at', '=', new Date(at('2026-12-04T16:00:00')).toISOString()).execute()
      expect(counted.some((row) => row.status === 'booked')).toBe(true) // 16:15 is still within the grace

      t.clock.set(at('2026-12-04T16:16:00'))
      await runAppointmentJob(t.database.db, t.clock.now())
      const me = await citizen(phoneNo)
      const mine = (await get(t.app, me, '/appointments')).json()
      expect(mine.map((a: { status: string }) => a.status)).toEqual(['no_show', 'no_show', 'no_show'])
      expectErrorBody(await post(t.app, me, `/appointments/${mine[0].id}/check-in`, { method: 'scan', hallCode: hallCheckInCode(HALL) }), 409, 'CHECK_IN_TOO_LATE')
      // Each dated when its own check-in window closed, though two were found by the same pass.
      const missed = await t.database.db.selectFrom('no_shows').select('at').where('user_id', '=', me.user.id).orderBy('at').execute()
      expect(missed.map((row) => row.at)).toEqual(days.map((day) => new Date(at(`${day}T16:15:00`)).toISOString()))
      const notices = await t.database.db.selectFrom('appointment_notices').select('kind').where('user_id', '=', me.user.id).execute()
      expect(notices.filter((n) => n.kind === 'no_show')).toHaveLength(3)

      const refused = expectErrorBody(await bookRequest(t.app, me, (await slotAt('2026-12-07', '09:00')).id), 403, 'BOOKING_SUSPENDED')
      // Seven days from the third no-show, dated when its check-in window closed (16:15).
      expect(refused.error.details.until).toBe(at('2026-12-11T16:15:00'))
      t.clock.set(at('2026-12-11T16:15:00'))
      const later = await citizen(phoneNo)
      expect((await bookRequest(t.app, later, (await slotAt('2026-12-14', '09:00')).id)).statusCode).toBe(201)
    })
  })

  describe('waitlist', () => {
    it('holds a released place for the first person waiting, then for the next when the hold runs out, then opens it', async () => {
      // The marriage item at the general window: two long slots a day with one place each.
      const { setTemplate } = await import('../../server/modules/appointments/schedule')
      await setTemplate(t.app.db, { hallId: HALL, target: 'A', slotMinutes: 240, places: 2, walkInPlaces: 1 }, t.clock.now())
      const day = '2026-12-02'
      const slots = await slotsOf(t.app, day, MARRIAGE_ITEM)
      expect(slots.map((s) => [s.startsAt, s.remaining])).toEqual([[at(`${day}T09:00:00`), 1], [at(`${day}T13:00:00`), 1]])
      const join = (session: Session, overrides: object = {}) =>
        post(t.app, session, '/appointments/waitlist', { hallId: HALL, itemCode: MARRIAGE_ITEM, date: day, ...PERSON, ...overrides })

      const waiter = await citizen()
      expectErrorBody(await join(waiter), 409, 'DAY_NOT_FULL')
      const [holderA, holderB] = [await citizen(), await citizen()]
      const a = await book(t.app, holderA, slots[0].id, { itemCode: MARRIAGE_ITEM })
      const b = await book(t.app, holderB, slots[1].id, { itemCode: MARRIAGE_ITEM })
      const daysRes = await t.app.inject({ method: 'GET', url: `/api/v1/halls/${HALL}/slot-days?item=${MARRIAGE_ITEM}` })
      expect(daysRes.json().find((d: { date: string }) => d.date === day)).toEqual({ date: day, remaining: 0, full: true })

      const first = await join(waiter)
      expect(first.statusCode).toBe(201)
      expect(first.json()).toMatchObject({ status: 'waiting', position: 0, offer: null, date: day, hallName: '龙华区行政服务大厅' })
      expectErrorBody(await join(waiter), 409, 'WAITLIST_EXISTS')
      expectErrorBody(await join(holderA), 409, 'DUPLICATE_BOOKING')
      expectErrorBody(await join(waiter, { date: '2026-12-06' }), 400, 'VALIDATION_FAILED')
      const second = await citizen()
      expect((await join(second)).json()).toMatchObject({ position: 1 })

      // A cancels: the place is held for the first waiting person, with a notice for them.
      await post(t.app, holderA, `/appointments/${a.id}/cancel`)
      const offered = (await get(t.app, waiter, '/appointments/waitlist')).json()[0]
      expect(offered).toMatchObject({ status: 'offered', position: 0, offer: { slotId: slots[0].id, startsAt: at(`${day}T09:00:00`), expiresAt: at('2026-11-25T10:30:00') } })
      expect((await get(t.app, second, '/appointments/waitlist')).json()[0]).toMatchObject({ status: 'waiting', position: 0 })
      const notice = await t.database.db.selectFrom('appointment_notices').selectAll().where('user_id', '=', waiter.user.id).executeTakeFirstOrThrow()
      expect(notice).toMatchObject({ kind: 'waitlist_offer', waitlist_id: offered.id })
      expect((await slotsOf(t.app, day, MARRIAGE_ITEM))[0].remaining).toBe(0)
      expectErrorBody(await bookRequest(t.app, await citizen(), slots[0].id, { itemCode: MARRIAGE_ITEM }), 409, 'SLOT_FULL')
      // Only the person it is held for can take it.
      const taken = await book(t.app, waiter, slots[0].id, { itemCode: MARRIAGE_ITEM })
      expect(taken.status).toBe('booked')
      expect((await get(t.app, waiter, '/appointments/waitlist')).json()[0]).toMatchObject({ status: 'booked', offer: null })
      expect(await slotRow(slots[0].id)).toMatchObject({ booked: 1, held: 0 })

      // B cancels: held for the second person, who lets it run out; with nobody left it opens to everyone.
      await post(t.app, holderB, `/appointments/${b.id}/cancel`)
      expect((await get(t.app, second, '/appointments/waitlist')).json()[0]).toMatchObject({ status: 'offered' })
      t.clock.set(at('2026-11-25T10:29:00'))
      expect((await runAppointmentJob(t.database.db, t.clock.now())).offersExpired).toBe(0)
      t.clock.set(at('2026-11-25T10:30:00'))
      expect((await runAppointmentJob(t.database.db, t.clock.now())).offersExpired).toBe(1)
      const again = await resign(second)
      expect((await get(t.app, again, '/appointments/waitlist')).json()[0]).toMatchObject({ status: 'expired', offer: null })
      expect(await slotRow(slots[1].id)).toMatchObject({ booked: 0, held: 0 })
      expect((await bookRequest(t.app, await citizen(), slots[1].id, { itemCode: MARRIAGE_ITEM })).statusCode).toBe(201)
    })

    it('passes a held place on when its person leaves; leaving twice answers the same; others cannot leave it', async () => {
      const day = '2026-12-03'
      const slots = await slotsOf(t.app, day, MARRIAGE_ITEM)
      const holders = [await citizen(), await citizen()]
      const booked = [await book(t.app, holders[0], slots[0].id, { itemCode: MARRIAGE_ITEM }), await book(t.app, holders[1], slots[1].id, { itemCode: MARRIAGE_ITEM })]
      const [x, y] = [await citizen(), await citizen()]
      const join = (session: Session) => post(t.app, session, '/appointments/waitlist', { hallId: HALL, itemCode: MARRIAGE_ITEM, date: day, ...PERSON })
      const xEntry = (await join(x)).json()
      await join(y)
      await post(t.app, holders[0], `/appointments/${booked[0].id}/cancel`)
      expectErrorBody(await post(t.app, y, `/appointments/waitlist/${xEntry.id}/leave`), 404, 'WAITLIST_NOT_FOUND')
      const left = await post(t.app, x, `/appointments/waitlist/${xEntry.id}/leave`)
      expect(left.json()).toMatchObject({ status: 'left', offer: null })
      expect((await post(t.app, x, `/appointments/waitlist/${xEntry.id}/leave`)).json()).toMatchObject({ status: 'left' })
      expect((await get(t.app, y, '/appointments/waitlist')).json()[0]).toMatchObject({ status: 'offered', offer: { slotId: slots[0].id } })
      expect(await slotRow(slots[0].id)).toMatchObject({ booked: 0, held: 1 })
    })
  })

  describe('operators', () => {
    it('closing a day cancels its appointments with a notice each and takes the day off the calendar', async () => {
      const day = '2026-12-04'
      const me = await citizen()
      const appointment = await book(t.app, me, (await slotAt(day, '09:30')).id)
      const { cancelled } = await closeDay(t.database.db, HALL, day, t.clock.now())
      expect(cancelled).toBeGreaterThanOrEqual(1)
      expect((await get(t.app, me, `/appointments/${appointment.id}`)).json()).toMatchObject({ status: 'cancelled' })
      const notice = await t.database.db.selectFrom('appointment_notices').selectAll().where('appointment_id', '=', appointment.id).executeTakeFirstOrThrow()
      expect(notice.kind).toBe('cancelled_by_hall')
      const days = (await t.app.inject({ method: 'GET', url: `/api/v1/halls/${HALL}/slot-days?item=${POLICE_ITEM}` })).json()
      expect(days.map((d: { date: string }) => d.date)).not.toContain(day)
      expect(await slotsOf(t.app, day)).toEqual([])
      expectErrorBody(await bookRequest(t.app, await citizen(), appointment.slot.id), 409, 'SLOT_IN_PAST')
    })

    it("an item's own template takes it out of its category's slots; a new template keeps bookings", async () => {
      const { setTemplate } = await import('../../server/modules/appointments/schedule')
      const template = (places: number) =>
        setTemplate(t.app.db, { hallId: HALL, target: OTHER_POLICE_ITEM, slotMinutes: 60, places, walkInPlaces: 0 }, t.clock.now())
      await template(5)
      const day = '2026-12-07'
      const own = await slotsOf(t.app, day, OTHER_POLICE_ITEM)
      expect(own.map((slot) => [slot.startsAt.slice(11, 16), slot.capacity])).toEqual(
        ['09', '10', '11', '12', '13', '14', '15', '16', '17'].map((hour) => [`${hour}:00`, 5]),
      )
      const categorySlot = await slotAt(day, '09:00')
      expectErrorBody(await bookRequest(t.app, await citizen(), categorySlot.id, { itemCode: OTHER_POLICE_ITEM }), 409, 'NOT_BOOKABLE')
      const kept = await book(t.app, await citizen(), own[0].id, { itemCode: OTHER_POLICE_ITEM })
      await template(2)
      expect(await slotRow(kept.slot.id)).toMatchObject({ booked: 1, capacity: 2 })
      const again = await slotsOf(t.app, day, OTHER_POLICE_ITEM)
      expect(again.map((slot) => slot.remaining)).toEqual([1, 2, 2, 2, 2, 2, 2, 2, 2])
      expect(again[0].id).toBe(kept.slot.id)
      await t.database.db.deleteFrom('slot_templates').where('scope', '=', `item:${OTHER_POLICE_ITEM}`).execute()
    })

    it('generates slots rolling 14 days ahead, once per new day', async () => {
      expect(await slotsOf(t.app, '2026-12-09')).toEqual([])
      t.clock.set(at('2026-11-26T00:01:00'))
      const first = await runAppointmentJob(t.database.db, t.clock.now())
      expect(first.slotsAdded).toBeGreaterThan(0)
      expect((await runAppointmentJob(t.database.db, t.clock.now())).slotsAdded).toBe(0)
      expect((await slotsOf(t.app, '2026-12-09')).length).toBe(18)
    })
  })
})

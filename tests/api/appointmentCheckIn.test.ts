// Check-in through the live queue itself (the default wiring): the appointment's priority ticket is a real number
// of the hall's category, counted in the live figures, and called before ordinary tickets that came earlier.
import { hallCheckInCode } from '@/domain/appointments'
import { ephemeralAuthSettings } from '../../server/modules/auth/settings'
import { createTestApp, dialects, postgresSkipReason, WEDNESDAY_10AM, type TestApp } from './support/testApp'
import { devSignIn, signInEveryRole } from './support/signIn'
import { expectErrorBody } from './support/expectErrorBody'
import { HALL, book, get, policeTemplate, post, slotsOf } from './support/appointments'
import { callNextAt, staffAction, takeTicket } from './support/queue'

if (postgresSkipReason) console.info(postgresSkipReason)

describe.each(dialects)('appointment check-in through the live queue on %s', (dialect) => {
  let t: TestApp
  let staff: Awaited<ReturnType<typeof signInEveryRole>>

  beforeAll(async () => {
    t = await createTestApp(dialect, { auth: ephemeralAuthSettings({ devLogin: true }) })
    staff = await signInEveryRole(t.app)
    await policeTemplate(t.app)
  }, 60_000)
  afterAll(() => t.close())
  afterEach(() => t.clock.set(WEDNESDAY_10AM))

  it('gives the arriving appointment a priority number that is called before earlier ordinary numbers', async () => {
    const walkIn = await devSignIn(t.app, { phone: '13900000901' })
    const booker = await devSignIn(t.app, { phone: '13900000902' })
    const slot = (await slotsOf(t.app, '2026-11-25')).find((s) => s.startsAt.includes('T10:30') || s.startsAt.includes('T02:30'))!
    const appointment = await book(t.app, booker, slot.id)

    const ordinary = await takeTicket(t.app, walkIn, HALL, 'B')
    const res = await post(t.app, booker, `/appointments/${appointment.id}/check-in`, { method: 'scan', hallCode: hallCheckInCode(HALL) })
    expect(res.statusCode).toBe(200)
    const { ticket } = res.json()
    expect(ticket).toMatchObject({ hallId: HALL, categoryId: 'B', priority: true, source: 'appointment', appointmentId: appointment.id, status: 'waiting' })
    expect(ticket.number).toMatch(/^[A-Z]\d{3,}$/)
    expect(ticket.number).not.toBe(ordinary.number)

    // The holder sees it like any ticket, and the hall's live figures count it.
    expect((await get(t.app, booker, `/tickets/${ticket.id}`)).json()).toMatchObject({ id: ticket.id, ahead: 0 })
    const snapshot = (await t.app.inject({ method: 'GET', url: `/api/v1/halls/${HALL}/queue` })).json()
    expect(snapshot.categories.find((c: { id: string }) => c.id === 'B').waiting).toBeGreaterThanOrEqual(2)

    const called = await callNextAt(t.app, staff.window1, HALL, 1, { categoryIds: ['B'] })
    expect(called.statusCode).toBe(200)
    expect(called.json().id).toBe(ticket.id)

    // Served at the window: the appointment is done.
    expect((await staffAction(t.app, staff.window1, ticket.id, 'complete')).statusCode).toBe(200)
    expect((await get(t.app, booker, `/appointments/${appointment.id}`)).json()).toMatchObject({ status: 'done' })
  })

  it('refuses a second ticket at the hall for someone already holding one, leaving the appointment booked', async () => {
    const booker = await devSignIn(t.app, { phone: '13900000903' })
    const slot = (await slotsOf(t.app, '2026-11-25')).find((s) => s.remaining > 0 && (s.startsAt.includes('T10:30') || s.startsAt.includes('T02:30')))!
    const appointment = await book(t.app, booker, slot.id)
    await takeTicket(t.app, booker, HALL, 'A')
    const res = await post(t.app, booker, `/appointments/${appointment.id}/check-in`, { method: 'scan', hallCode: hallCheckInCode(HALL) })
    expectErrorBody(res, 409, 'TICKET_EXISTS')
    expect((await get(t.app, booker, `/appointments/${appointment.id}`)).json()).toMatchObject({ status: 'booked', ticketId: null })
  })
})

import { http, HttpResponse } from 'msw'
import type { Appointment, AppointmentCreateBody, CheckInBody, CheckInResult, WaitlistEntry, WaitlistJoinBody } from '../../src/domain/contract'
import { checkIdNumber, maskIdNumber, maskPhone } from '../../src/domain/identity'
import { distanceMeters } from '../../src/domain/geo'
import { dayOf } from '../../src/domain/appointmentTime'
import { fixtureGuides, fixtureHalls } from '../fixtures/catalog'
import {
  fixtureOffer,
  fixturePast,
  fixtureSlotDays,
  fixtureSlots,
  fixtureTicket,
  fixtureUpcoming,
  fixtureWaiting,
  initialBooked,
  parseSlotId,
} from '../fixtures/appointments'
import { errorResponse, errorResponseWithDetails } from './errors'

const API = '*/api/v1'
const signedIn = (request: Request) => /^Bearer mock-/.test(request.headers.get('authorization') ?? '')
const CHECK_IN_RADIUS_M = 500

let booked = initialBooked()
let appointments: Appointment[] = []
let waitlist: WaitlistEntry[] = []
/** Idempotency-Key → the appointment its first request created: a retry gets the same answer. */
let byKey = new Map<string, Appointment>()

/** The fixture appointments and waitlist again, between tests. */
export function resetMockAppointments(): void {
  booked = initialBooked()
  appointments = [fixtureUpcoming, fixturePast].map((a) => structuredClone(a))
  waitlist = [fixtureOffer, fixtureWaiting].map((w) => structuredClone(w))
  byKey = new Map()
}
resetMockAppointments()

/** For tests: what the mock holds now. */
export const mockAppointments = () => appointments
export const mockBookedCount = (slotId: string) => booked.get(slotId) ?? 0

const guideOf = (code: string) => fixtureGuides.find((guide) => guide.code === code)
const hallOf = (id: string) => fixtureHalls.find((hall) => hall.id === id)
const mine = (id: string) => appointments.find((a) => a.id === id)
const active = (a: Appointment) => a.status === 'booked'

function slotOf(slotId: string) {
  const parsed = parseSlotId(slotId)
  if (!parsed || !hallOf(parsed.hallId)) return null
  const slot = fixtureSlots(parsed.hallId, parsed.date, booked).find((s) => s.id === slotId)
  return slot ? { ...parsed, slot } : null
}

function take(slotId: string): boolean {
  const found = slotOf(slotId)
  if (!found || found.slot.remaining === 0) return false
  booked.set(slotId, (booked.get(slotId) ?? 0) + 1)
  return true
}

const release = (slotId: string) => booked.set(slotId, Math.max(0, (booked.get(slotId) ?? 0) - 1))
const withActions = (a: Appointment): Appointment => ({ ...a, canCancel: active(a), canReschedule: active(a), canCheckIn: active(a) })

export const appointmentHandlers = [
  http.get(`${API}/halls/:id/slot-days`, ({ params, request }) => {
    const item = new URL(request.url).searchParams.get('item') ?? ''
    if (!hallOf(String(params.id))) return errorResponse(404, 'HALL_NOT_FOUND')
    if (!guideOf(item)?.appointment) return errorResponse(409, 'NOT_BOOKABLE')
    return HttpResponse.json(fixtureSlotDays(String(params.id), booked))
  }),
  http.get(`${API}/halls/:id/slots`, ({ params, request }) => {
    const query = new URL(request.url).searchParams
    if (!hallOf(String(params.id))) return errorResponse(404, 'HALL_NOT_FOUND')
    if (!guideOf(query.get('item') ?? '')?.appointment) return errorResponse(409, 'NOT_BOOKABLE')
    const date = query.get('date') ?? ''
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return errorResponse(400, 'VALIDATION_FAILED', [{ field: 'query.date', issue: 'must match pattern' }])
    return HttpResponse.json(fixtureSlots(String(params.id), date, booked))
  }),

  http.get(`${API}/appointments/waitlist`, ({ request }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    return HttpResponse.json(waitlist.filter((w) => w.status === 'waiting' || w.status === 'offered'))
  }),
  http.post(`${API}/appointments/waitlist`, async ({ request }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    const body = (await request.json()) as WaitlistJoinBody
    const hall = hallOf(body.hallId)
    const guide = guideOf(body.itemCode)
    if (!hall || !guide) return errorResponse(404, 'HALL_NOT_FOUND')
    if (waitlist.some((w) => w.hallId === body.hallId && w.itemCode === body.itemCode && w.date === body.date && w.status === 'waiting')) {
      return errorResponse(409, 'WAITLIST_EXISTS')
    }
    if (!fixtureSlotDays(hall.id, booked).find((day) => day.date === body.date)?.full) return errorResponse(409, 'DAY_NOT_FULL')
    const entry: WaitlistEntry = {
      id: `wl-${waitlist.length + 1}`,
      hallId: hall.id,
      hallName: hall.name,
      itemCode: guide.code,
      itemName: guide.name,
      date: body.date,
      status: 'waiting',
      position: waitlist.filter((w) => w.hallId === hall.id && w.date === body.date && w.status === 'waiting').length,
      offer: null,
      createdAt: '2026-11-25T02:00:00.000Z',
    }
    waitlist.push(entry)
    return HttpResponse.json(entry, { status: 201 })
  }),
  http.post(`${API}/appointments/waitlist/:id/leave`, ({ request, params }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    const entry = waitlist.find((w) => w.id === params.id)
    if (!entry) return errorResponse(404, 'WAITLIST_NOT_FOUND')
    entry.status = 'left'
    entry.offer = null
    return HttpResponse.json(entry)
  }),

  http.get(`${API}/appointments`, ({ request }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    return HttpResponse.json([...appointments].sort((a, b) => b.slot.startsAt.localeCompare(a.slot.startsAt)))
  }),
  http.post(`${API}/appointments`, async ({ request }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    const key = request.headers.get('idempotency-key')
    const repeated = key ? byKey.get(key) : undefined
    if (repeated) return HttpResponse.json(repeated, { status: 201 })
    const body = (await request.json()) as AppointmentCreateBody
    const found = slotOf(body.slotId)
    const guide = guideOf(body.itemCode)
    if (!found || !guide) return errorResponse(404, 'SLOT_NOT_FOUND')
    const id = checkIdNumber(body.idNumber, '2026-11-25')
    if (!id.ok) return errorResponse(400, 'INVALID_ID_NUMBER')
    if (appointments.some((a) => active(a) && a.itemCode === body.itemCode && dayOf(a.slot.startsAt) === found.date)) {
      return errorResponse(409, 'DUPLICATE_BOOKING')
    }
    const offered = waitlist.find((w) => w.status === 'offered' && w.offer?.slotId === body.slotId)
    if (offered) {
      offered.status = 'booked'
      offered.offer = null
    } else if (!take(body.slotId)) return errorResponse(409, 'SLOT_FULL')
    const hall = hallOf(found.hallId)!
    const created: Appointment = withActions({
      id: `apt-${appointments.length + 1}`,
      code: `M${String(appointments.length + 1).padStart(7, '0')}`,
      status: 'booked',
      hallId: hall.id,
      hallName: hall.name,
      hallAddress: hall.address,
      itemCode: guide.code,
      itemName: guide.name,
      slot: { id: found.slot.id, startsAt: found.slot.startsAt, endsAt: found.slot.endsAt },
      name: body.name,
      phoneMasked: maskPhone(body.phone),
      idNumberMasked: maskIdNumber(id.idNumber),
      createdAt: '2026-11-25T02:00:00.000Z',
      runningLate: false,
      ticketId: null,
      canCancel: true,
      canReschedule: true,
      canCheckIn: false,
    })
    appointments.push(created)
    if (key) byKey.set(key, created)
    return HttpResponse.json(created, { status: 201 })
  }),
  http.get(`${API}/appointments/:id`, ({ request, params }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    const found = mine(String(params.id))
    return found ? HttpResponse.json(found) : errorResponse(404, 'APPOINTMENT_NOT_FOUND')
  }),
  http.post(`${API}/appointments/:id/cancel`, ({ request, params }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    const found = mine(String(params.id))
    if (!found) return errorResponse(404, 'APPOINTMENT_NOT_FOUND')
    if (!active(found)) return errorResponse(409, 'APPOINTMENT_NOT_ACTIVE')
    release(found.slot.id)
    Object.assign(found, { status: 'cancelled', canCancel: false, canReschedule: false, canCheckIn: false })
    return HttpResponse.json(found)
  }),
  http.post(`${API}/appointments/:id/reschedule`, async ({ request, params }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    const found = mine(String(params.id))
    if (!found) return errorResponse(404, 'APPOINTMENT_NOT_FOUND')
    if (!active(found)) return errorResponse(409, 'APPOINTMENT_NOT_ACTIVE')
    const { slotId } = (await request.json()) as { slotId: string }
    const target = slotOf(slotId)
    if (!target) return errorResponse(404, 'SLOT_NOT_FOUND')
    // Atomic as on the server: the old place goes back only once the new one is taken.
    if (!take(slotId)) return errorResponse(409, 'SLOT_FULL')
    release(found.slot.id)
    found.slot = { id: target.slot.id, startsAt: target.slot.startsAt, endsAt: target.slot.endsAt }
    return HttpResponse.json(found)
  }),
  http.post(`${API}/appointments/:id/running-late`, ({ request, params }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    const found = mine(String(params.id))
    if (!found) return errorResponse(404, 'APPOINTMENT_NOT_FOUND')
    if (!active(found)) return errorResponse(409, 'APPOINTMENT_NOT_ACTIVE')
    found.runningLate = true
    return HttpResponse.json(found)
  }),
  http.post(`${API}/appointments/:id/check-in`, async ({ request, params }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    const found = mine(String(params.id))
    if (!found) return errorResponse(404, 'APPOINTMENT_NOT_FOUND')
    if (!active(found)) return errorResponse(409, 'APPOINTMENT_NOT_ACTIVE')
    const body = (await request.json()) as CheckInBody
    const hall = hallOf(found.hallId)!
    if (body.method === 'scan' && body.hallCode !== `banshi:hall:${hall.id}`) return errorResponse(400, 'HALL_CODE_INVALID')
    if (body.method === 'nearby' && distanceMeters({ lat: body.lat, lng: body.lng }, hall) > CHECK_IN_RADIUS_M) {
      return errorResponseWithDetails(409, 'NOT_AT_HALL', { distanceM: Math.round(distanceMeters({ lat: body.lat, lng: body.lng }, hall)) })
    }
    const ticket = fixtureTicket(found)
    Object.assign(found, { status: 'checked_in', ticketId: ticket.id, canCancel: false, canReschedule: false, canCheckIn: false })
    const result: CheckInResult = { appointment: found, ticket }
    return HttpResponse.json(result)
  }),
]

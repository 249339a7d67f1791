import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Appointment, Session, Slot } from '@/domain/contract'
import { setTemplate } from '../../../server/modules/appointments/schedule'
import { bearer } from './signIn'

export const HALL = 'lh-district'
/** 居民身份证换领: bookable, served at the police window (B) of the district hall. */
export const POLICE_ITEM = '010100020000'
/** 居民身份证补领: bookable, also at the police window. */
export const OTHER_POLICE_ITEM = '010100030000'
/** 结婚登记: bookable, at the general window (A) of the district hall only. */
export const MARRIAGE_ITEM = '020100010000'
/** 临时居民身份证申领: not bookable (taken as a number at the hall). */
export const UNBOOKABLE_ITEM = '010100040000'
/** 户口迁入(投靠): bookable, but handled by the district hall only. */
export const DISTRICT_ONLY_ITEM = '010200020000'
export const STREET_HALL = 'lh-guanhu'
export const PERSON = { name: '李四', phone: '13600000011', idNumber: '11010519491231002X' }
/** The district hall's own position, and one about 1.1 km north of it. */
export const AT_HALL = { lat: 22.6566, lng: 114.0297 }
export const FAR_FROM_HALL = { lat: 22.6666, lng: 114.0297 }

/** The police window of the district hall: 30-minute slots with 3 places, 1 kept for walk-ins (2 bookable). */
export function policeTemplate(app: FastifyInstance, overrides: { places?: number; walkInPlaces?: number; slotMinutes?: number } = {}) {
  return setTemplate(app.db, { hallId: HALL, target: 'B', slotMinutes: 30, places: 3, walkInPlaces: 1, ...overrides }, app.clock.now())
}

export async function slotsOf(app: FastifyInstance, date: string, item = POLICE_ITEM, hall = HALL): Promise<Slot[]> {
  const res = await app.inject({ method: 'GET', url: `/api/v1/halls/${hall}/slots?date=${date}&item=${item}` })
  if (res.statusCode !== 200) throw new Error(`slots ${res.statusCode} ${res.body}`)
  return res.json()
}

export function bookRequest(app: FastifyInstance, session: Session, slotId: string, overrides: object = {}, key?: string): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/v1/appointments',
    headers: { ...bearer(session), ...(key ? { 'idempotency-key': key } : {}) },
    payload: { slotId, itemCode: POLICE_ITEM, ...PERSON, ...overrides },
  })
}

export async function book(app: FastifyInstance, session: Session, slotId: string, overrides: object = {}): Promise<Appointment> {
  const res = await bookRequest(app, session, slotId, overrides)
  if (res.statusCode !== 201) throw new Error(`book ${res.statusCode} ${res.body}`)
  return res.json()
}

export function post(app: FastifyInstance, session: Session, url: string, payload?: object): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/api/v1${url}`, headers: bearer(session), ...(payload ? { payload } : {}) })
}

export function get(app: FastifyInstance, session: Session, url: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(session) })
}

const POLICE_ITEMS = ['010100010000', '010100020000', '010100030000', '010200010000', '010200020000', '010200030000', '010400010000', '010400030000', '010400040000']
const bookedIn = new WeakMap<FastifyInstance, number>()

/**
 * A fresh appointment of this person at the district hall's police window (the template is set on first use), each
 * in its own slot and for an item not yet booked that day; with the id of another free slot to move it to.
 */
export async function freshAppointment(app: FastifyInstance, session: Session): Promise<{ appointment: Appointment; otherSlotId: string }> {
  const template = await app.db.selectFrom('slot_templates').select('scope').where('hall_id', '=', HALL).where('scope', '=', 'cat:B').executeTakeFirst()
  if (!template) await policeTemplate(app)
  const n = bookedIn.get(app) ?? 0
  bookedIn.set(app, n + 1)
  const daysRes = await app.inject({ method: 'GET', url: `/api/v1/halls/${HALL}/slot-days?item=${POLICE_ITEM}` })
  // Full weekdays from tomorrow (Saturdays have too few slots for the spread below).
  const weekdays = daysRes.json().slice(1).filter((d: { date: string }) => new Date(`${d.date}T00:00:00Z`).getUTCDay() !== 6)
  const day = weekdays[Math.floor(n / POLICE_ITEMS.length)].date
  const slots = await slotsOf(app, day)
  const index = n % POLICE_ITEMS.length
  const appointment = await book(app, session, slots[index].id, { itemCode: POLICE_ITEMS[index] })
  return { appointment, otherSlotId: slots[POLICE_ITEMS.length + index].id }
}

import { randomBytes, randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Appointment, AppointmentCreateBody, Slot, SlotDay, WeeklyHours } from '../../../src/domain/contract'
import {
  bookingDays,
  canCancelAt,
  canDeclareRunningLateAt,
  isBookableAt,
  itemScope,
  NO_SHOW_LIMIT,
  shanghaiIso,
} from '../../../src/domain/appointments'
import { minutesOfDay, shanghaiTime } from '../../../src/domain/clockTime'
import { periodsOnDate } from '../../../src/domain/hallHours'
import type { Database } from '../../db/schema'
import { isUniqueViolation } from '../../db/errors'
import { AppError } from '../../errors'
import type { Principal } from '../../http/access'
import { bookableItem, resolveBookable } from './bookable'
import { checkedPerson, ensureNotSuspended, noShowsRelevantSince, type AppointmentDeps } from './people'
import * as repo from './repo'
import { enqueueRemindersDue, withdrawReminders } from './notices'
import { appointmentView, maskedFromRow } from './view'
import { releasePlace } from './waitlist'

const MINE_LIMIT = 200
// No 0/O or 1/I: the code is read out at a window.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

function newAppointmentCode(): string {
  return Array.from(randomBytes(8), (byte) => CODE_ALPHABET[byte & 31]).join('')
}

const notFound = () => new AppError(404, 'APPOINTMENT_NOT_FOUND')

async function existingHall(db: Kysely<Database>, hallId: string) {
  const hall = await repo.findHall(db, hallId)
  if (!hall) throw new AppError(404, 'HALL_NOT_FOUND')
  return hall
}

function remainingOf(slot: { capacity: number; booked: number; held: number }): number {
  return Math.max(0, slot.capacity - slot.booked - slot.held)
}

/** The day's slots for an item that have not started, with the places still open to anyone. */
export async function slotsOn(deps: AppointmentDeps, hallId: string, itemCode: string, date: string): Promise<Slot[]> {
  const now = deps.clock.now()
  const hall = await existingHall(deps.db, hallId)
  const bookable = await bookableItem(deps.db, hallId, itemCode)
  const closed = await repo.closedDays(deps.db, hallId, date)
  if (!bookingDays(JSON.parse(hall.hours) as WeeklyHours, now, closed).includes(date)) return []
  const rows = await repo.slotsOfDay(deps.db, hallId, bookable.scope, date)
  return rows
    .filter((slot) => isBookableAt(new Date(slot.starts_at), now))
    .map((slot) => ({
      id: slot.id,
      startsAt: shanghaiIso(new Date(slot.starts_at)),
      endsAt: shanghaiIso(new Date(slot.ends_at)),
      capacity: slot.capacity,
      remaining: remainingOf(slot),
    }))
}

/** The days of the booking window the hall opens, each with its open places, for the date picker. */
export async function slotDays(deps: AppointmentDeps, hallId: string, itemCode: string): Promise<SlotDay[]> {
  const now = deps.clock.now()
  const hall = await existingHall(deps.db, hallId)
  const bookable = await bookableItem(deps.db, hallId, itemCode)
  const today = shanghaiTime(now).date
  const closed = await repo.closedDays(deps.db, hallId, today)
  const days = bookingDays(JSON.parse(hall.hours) as WeeklyHours, now, closed)
  if (days.length === 0) return []
  const slots = (await repo.slotsBetween(deps.db, hallId, bookable.scope, days[0], days[days.length - 1]))
    .filter((slot) => isBookableAt(new Date(slot.starts_at), now))
  return days.map((date) => {
    const ofDay = slots.filter((slot) => slot.day === date)
    const remaining = ofDay.reduce((sum, slot) => sum + remainingOf(slot), 0)
    return { date, remaining, full: ofDay.length > 0 && remaining === 0 }
  })
}

/** A slot that has begun, or no longer lies within the hall's hours (hours changed, day closed): not bookable. */
function ensureSlotAhead(slot: repo.SlotWithHall, now: Date): void {
  const startsAt = new Date(slot.starts_at)
  const startMin = shanghaiTime(startsAt).minutes
  const endMin = startMin + (Date.parse(slot.ends_at) - startsAt.getTime()) / 60000
  const withinHours = periodsOnDate(JSON.parse(slot.hours) as WeeklyHours, slot.day).some(
    (period) => startMin >= minutesOfDay(period.opens) && endMin <= minutesOfDay(period.closes),
  )
  if (!isBookableAt(startsAt, now) || !withinHours || slot.closed_day !== null) throw new AppError(409, 'SLOT_IN_PAST')
}

/** A slot the item can be booked in: it exists, serves the item at its hall, and lies ahead. One query for the facts. */
async function slotForItem(trx: Kysely<Database>, slotId: string, itemCode: string, userId: string, now: Date) {
  const slot = await repo.bookingFacts(trx, { slotId, itemCode, itemScope: itemScope(itemCode), userId, noShowsSince: noShowsRelevantSince(now) })
  if (!slot) throw new AppError(404, 'SLOT_NOT_FOUND')
  const bookable = resolveBookable(
    slot.hall_id,
    itemCode,
    { name: slot.item_name, department: slot.item_department, appointment: slot.item_appointment, handledBy: slot.item_hall },
    await repo.hallCategoryIds(trx, slot.hall_id),
    Number(slot.item_templates) > 0,
  )
  if (bookable.scope !== slot.scope) throw new AppError(409, 'NOT_BOOKABLE')
  ensureSlotAhead(slot, now)
  return { slot, bookable }
}

/**
 * Takes one place of the slot: a place held for this person's waitlist offer if there is one, else an open place.
 * The conditional UPDATE is the capacity check; nothing read earlier is trusted for it.
 */
async function takePlace(trx: Kysely<Database>, slot: repo.SlotRow, userId: string, now: Date): Promise<void> {
  if (slot.held > 0) {
    const offer = await repo.offerFor(trx, userId, slot.id, now.toISOString())
    // The offer is claimed first: if the minute job expired it meanwhile, the hold now belongs to the next person.
    if (offer && (await repo.updateWaitlistFrom(trx, offer.id, 'offered', { status: 'booked', active_day: null }))) {
      if (await repo.takeHeldPlace(trx, slot.id)) return
    }
  }
  if (!(await repo.takeOpenPlace(trx, slot.id))) throw new AppError(409, 'SLOT_FULL')
}

function isDuplicateBooking(error: unknown): boolean {
  if (!isUniqueViolation(error)) return false
  const { constraint, message } = error as { constraint?: string; message?: string }
  return constraint === 'appointments_one_active' || /appointments\.user_id/.test(message ?? '')
}

/**
 * Books a slot for the signed-in user. Runs inside the idempotency transaction: the place and the appointment row
 * are written together or not at all.
 */
export async function book(deps: AppointmentDeps, trx: Kysely<Database>, principal: Principal, body: AppointmentCreateBody): Promise<Appointment> {
  const now = deps.clock.now()
  const person = checkedPerson(deps, body, now)
  const { slot, bookable } = await slotForItem(trx, body.slotId, body.itemCode, principal.userId, now)
  // Fewer than 3 recent no-shows (nearly everyone) cannot suspend: no need to read their times.
  if (Number(slot.recent_no_shows) >= NO_SHOW_LIMIT) await ensureNotSuspended(trx, principal.userId, now)
  const row: repo.AppointmentRow = {
    id: randomUUID(),
    code: newAppointmentCode(),
    user_id: principal.userId,
    slot_id: slot.id,
    hall_id: slot.hall_id,
    category_id: bookable.categoryId,
    item_code: bookable.itemCode,
    item_name: bookable.itemName,
    day: slot.day,
    starts_at: slot.starts_at,
    ends_at: slot.ends_at,
    ...person.sealed,
    status: 'booked',
    active_day: slot.day,
    running_late: 0,
    ticket_id: null,
    created_at: now.toISOString(),
    cancelled_at: null,
    checked_in_at: null,
    no_show_at: null,
  }
  try {
    await repo.insertAppointment(trx, row)
  } catch (error) {
    if (isDuplicateBooking(error)) throw new AppError(409, 'DUPLICATE_BOOKING')
    throw error
  }
  // The place is taken last: on PostgreSQL the slot's row stays locked from this UPDATE to the commit, so everything
  // else the booking writes happens before it and racing bookings of one slot wait as briefly as possible.
  await takePlace(trx, slot, principal.userId, now)
  // Booked after 18:00 for tomorrow, or within the hour: the reminder is already due.
  await enqueueRemindersDue(trx, now, row, slot.hall_name)
  return appointmentView(row, { name: slot.hall_name, address: slot.hall_address }, person.masked, now)
}

export async function viewOf(deps: AppointmentDeps, db: Kysely<Database>, row: repo.AppointmentRow): Promise<Appointment> {
  const hall = await repo.findHall(db, row.hall_id)
  return appointmentView(row, { name: hall?.name ?? '', address: hall?.address ?? '' }, maskedFromRow(row, deps.auth.cipher), deps.clock.now())
}

const isUpcoming = (row: repo.AppointmentRow) => row.status === 'booked' || row.status === 'checked_in'

/** Mine: upcoming (booked or checked in) soonest first, then the rest latest first. */
export async function myAppointments(deps: AppointmentDeps, principal: Principal): Promise<Appointment[]> {
  const rows = await repo.appointmentsOf(deps.db, principal.userId, MINE_LIMIT)
  const halls = new Map((await repo.hallsByIds(deps.db, [...new Set(rows.map((row) => row.hall_id))])).map((hall) => [hall.id, hall]))
  const now = deps.clock.now()
  const upcoming = rows.filter(isUpcoming).reverse()
  const past = rows.filter((row) => !isUpcoming(row))
  return [...upcoming, ...past].map((row) => {
    const hall = halls.get(row.hall_id)
    return appointmentView(row, { name: hall?.name ?? '', address: hall?.address ?? '' }, maskedFromRow(row, deps.auth.cipher), now)
  })
}

/** Someone else's appointment does not exist for the caller (404, never 403): ids cannot be probed. */
export async function mine(db: Kysely<Database>, principal: Principal, id: string): Promise<repo.AppointmentRow> {
  const row = await repo.appointmentOf(db, id, principal.userId)
  if (!row) throw notFound()
  return row
}

export async function oneAppointment(deps: AppointmentDeps, principal: Principal, id: string): Promise<Appointment> {
  return viewOf(deps, deps.db, await mine(deps.db, principal, id))
}

export function ensureBooked(row: repo.AppointmentRow): void {
  if (row.status !== 'booked') throw new AppError(409, 'APPOINTMENT_NOT_ACTIVE')
}

async function changeBooked(
  deps: AppointmentDeps,
  principal: Principal,
  id: string,
  change: (trx: Kysely<Database>, row: repo.AppointmentRow, now: Date) => Promise<Partial<repo.AppointmentRow>>,
): Promise<Appointment> {
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    const row = await mine(trx, principal, id)
    ensureBooked(row)
    const changes = await change(trx, row, now)
    // A check-in, cancel or move racing this one makes it a no-op, answered as not active (and rolled back).
    if (!(await repo.updateBookedIn(trx, row.id, row.slot_id, changes))) throw new AppError(409, 'APPOINTMENT_NOT_ACTIVE')
    return viewOf(deps, trx, { ...row, ...changes })
  })
}

export function cancelAppointment(deps: AppointmentDeps, principal: Principal, id: string): Promise<Appointment> {
  return changeBooked(deps, principal, id, async (trx, row, now) => {
    if (!canCancelAt(new Date(row.starts_at), now)) throw new AppError(409, 'TOO_LATE_TO_CANCEL')
    await releasePlace(trx, row.slot_id, now)
    await withdrawReminders(trx, row, 'cancelled')
    return { status: 'cancelled', active_day: null, cancelled_at: now.toISOString() }
  })
}

/** Moves to another slot in one transaction: the new place is taken first, so the old one goes only if it was. */
export async function rescheduleAppointment(deps: AppointmentDeps, principal: Principal, id: string, slotId: string): Promise<Appointment> {
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    const row = await mine(trx, principal, id)
    ensureBooked(row)
    if (!canCancelAt(new Date(row.starts_at), now)) throw new AppError(409, 'TOO_LATE_TO_CANCEL')
    if (slotId === row.slot_id) {
      throw new AppError(400, 'VALIDATION_FAILED', { fields: [{ field: 'body.slotId', issue: 'is the slot already booked' }] })
    }
    await repo.lockSlots(trx, [row.slot_id, slotId])
    const { slot, bookable } = await slotForItem(trx, slotId, row.item_code, principal.userId, now)
    await takePlace(trx, slot, principal.userId, now)
    const changes: Partial<repo.AppointmentRow> = {
      slot_id: slot.id,
      hall_id: slot.hall_id,
      category_id: bookable.categoryId,
      day: slot.day,
      starts_at: slot.starts_at,
      ends_at: slot.ends_at,
      active_day: slot.day,
      running_late: 0,
    }
    try {
      if (!(await repo.updateBookedIn(trx, row.id, row.slot_id, changes))) throw new AppError(409, 'APPOINTMENT_NOT_ACTIVE')
    } catch (error) {
      if (isDuplicateBooking(error)) throw new AppError(409, 'DUPLICATE_BOOKING')
      throw error
    }
    await releasePlace(trx, row.slot_id, now)
    await withdrawReminders(trx, row, 'rescheduled')
    await enqueueRemindersDue(trx, now, { ...row, ...changes }, slot.hall_name)
    return appointmentView({ ...row, ...changes }, { name: slot.hall_name, address: slot.hall_address }, maskedFromRow(row, deps.auth.cipher), now)
  })
}

export function declareRunningLate(deps: AppointmentDeps, principal: Principal, id: string): Promise<Appointment> {
  return changeBooked(deps, principal, id, async (_trx, row, now) => {
    if (!canDeclareRunningLateAt(new Date(row.starts_at), now)) throw new AppError(409, 'TOO_LATE_TO_DECLARE')
    return { running_late: 1 }
  })
}

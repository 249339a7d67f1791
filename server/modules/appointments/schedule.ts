// Operators' side of appointments: slot templates, the rolling generation of slots, closing a day, and the
// minute job that keeps all of it moving (generation, waitlist holds, no-shows).
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import {
  BOOKING_DAYS,
  bookablePlaces,
  CHECK_IN_GRACE_MIN,
  categoryScope,
  checkInWindow,
  daySlots,
  isNoShowAt,
  itemScope,
} from '../../../src/domain/appointments'
import { shanghaiTime } from '../../../src/domain/clockTime'
import type { WeeklyHours } from '../../../src/domain/contract'
import { addCalendarDays } from '../../../src/domain/holidays'
import type { Database } from '../../db/schema'
import * as repo from './repo'
import { expireOffers } from './waitlist'
import { enqueueCancelledByHall, enqueueDueReminders, enqueueWaitlistClosed, withdrawReminders } from './notices'

const MINUTE_MS = 60 * 1000

export class ScheduleError extends Error {}

export interface TemplateInput {
  hallId: string
  /** A queue category id of the hall (e.g. "A") or a 12-character item code. */
  target: string
  slotMinutes: number
  places: number
  walkInPlaces: number
}

/** 'A' → the category's scope; a 12-digit item code → the item's own scope. */
export async function scopeOfTarget(db: Kysely<Database>, hallId: string, target: string): Promise<string> {
  if (/^\d{12}$/.test(target)) {
    const linked = await db.selectFrom('item_halls').select('item_code').where('hall_id', '=', hallId).where('item_code', '=', target).executeTakeFirst()
    if (!linked) throw new ScheduleError(`hall ${hallId} does not handle item ${target}`)
    return itemScope(target)
  }
  if (!(await repo.hallCategoryIds(db, hallId)).includes(target)) throw new ScheduleError(`hall ${hallId} has no queue category ${target}`)
  return categoryScope(target)
}

/** Days of the booking window that still need slots cut for a template. */
function daysToGenerate(template: repo.TemplateRow, now: Date): string[] {
  const today = shanghaiTime(now).date
  const last = addCalendarDays(today, BOOKING_DAYS - 1)
  const from = template.generated_through && template.generated_through >= today ? addCalendarDays(template.generated_through, 1) : today
  const days: string[] = []
  for (let day = from; day <= last; day = addCalendarDays(day, 1)) days.push(day)
  return days
}

/** Cuts slots for the days of the booking window not yet generated, for every template. Returns slots added. */
export async function generateSlots(db: Kysely<Database>, now: Date): Promise<number> {
  const [templates, halls] = await Promise.all([repo.allTemplates(db), repo.allHalls(db)])
  const hoursOf = new Map(halls.map((hall) => [hall.id, JSON.parse(hall.hours) as WeeklyHours]))
  const today = shanghaiTime(now).date
  let added = 0
  for (const template of templates) {
    const hours = hoursOf.get(template.hall_id)
    const days = daysToGenerate(template, now)
    if (!hours || days.length === 0) continue
    const closed = await repo.closedDays(db, template.hall_id, today)
    const shape = { slotMinutes: template.slot_minutes, places: template.places, walkInPlaces: template.walk_in_places }
    const rows = days.flatMap((day) =>
      daySlots(hours, day, shape, closed)
        .filter((slot) => slot.startsAt.getTime() > now.getTime())
        .map((slot) => ({
          id: randomUUID(),
          hall_id: template.hall_id,
          scope: template.scope,
          day,
          starts_at: slot.startsAt.toISOString(),
          ends_at: slot.endsAt.toISOString(),
          capacity: bookablePlaces(shape),
        })),
    )
    await db.transaction().execute(async (trx) => {
      await repo.insertSlots(trx, rows)
      await repo.markGenerated(trx, template.hall_id, template.scope, days[days.length - 1])
    })
    added += rows.length
  }
  return added
}

/**
 * Sets a hall's template for a category or item. Future slots nobody has booked are cut again from the new
 * template; booked ones keep their times and take the new number of places.
 */
export async function setTemplate(db: Kysely<Database>, input: TemplateInput, now: Date): Promise<{ scope: string; slots: number }> {
  if (!Number.isInteger(input.slotMinutes) || input.slotMinutes < 5 || input.slotMinutes > 240) throw new ScheduleError('--length must be 5 to 240 minutes')
  if (!Number.isInteger(input.places) || input.places < 1 || input.places > 500) throw new ScheduleError('--places must be 1 to 500')
  if (!Number.isInteger(input.walkInPlaces) || input.walkInPlaces < 0 || input.walkInPlaces > input.places) {
    throw new ScheduleError('--walkin must be 0 to the number of places')
  }
  if (!(await repo.findHall(db, input.hallId))) throw new ScheduleError(`no hall ${input.hallId}`)
  const scope = await scopeOfTarget(db, input.hallId, input.target)
  await db.transaction().execute(async (trx) => {
    await repo.upsertTemplate(trx, {
      hall_id: input.hallId,
      scope,
      slot_minutes: input.slotMinutes,
      places: input.places,
      walk_in_places: input.walkInPlaces,
      updated_at: now.toISOString(),
    })
    await repo.deleteUntouchedSlots(trx, input.hallId, scope, now.toISOString())
    await repo.setCapacityFrom(trx, input.hallId, scope, now.toISOString(), bookablePlaces(input))
  })
  return { scope, slots: await generateSlots(db, now) }
}

/**
 * Closes a hall for a day (an unplanned holiday): its booked appointments are cancelled with a notice to each
 * person, waitlists for the day end, and no slots are offered or generated for it again.
 */
export async function closeDay(db: Kysely<Database>, hallId: string, day: string, now: Date): Promise<{ cancelled: number }> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new ScheduleError('the date must be YYYY-MM-DD')
  const hall = await repo.findHall(db, hallId)
  if (!hall) throw new ScheduleError(`no hall ${hallId}`)
  return db.transaction().execute(async (trx) => {
    await repo.addClosedDay(trx, hallId, day, now.toISOString())
    const booked = await repo.bookedAppointmentsOfDay(trx, hallId, day)
    let cancelled = 0
    for (const row of booked) {
      if (!(await repo.updateAppointmentFrom(trx, row.id, 'booked', { status: 'cancelled', active_day: null, cancelled_at: now.toISOString() }))) continue
      cancelled += 1
      await repo.insertNotice(trx, {
        id: randomUUID(),
        user_id: row.user_id,
        kind: 'cancelled_by_hall',
        appointment_id: row.id,
        waitlist_id: null,
        detail: JSON.stringify({ hallId, day, code: row.code, itemCode: row.item_code, startsAt: row.starts_at }),
        created_at: now.toISOString(),
      })
      await enqueueCancelledByHall(trx, now, row, hall.name)
      await withdrawReminders(trx, row, 'cancelled by the hall')
    }
    const waiting = await trx
      .selectFrom('waitlist_entries')
      .selectAll()
      .where('hall_id', '=', hallId)
      .where('day', '=', day)
      .where('status', 'in', ['waiting', 'offered'])
      .execute()
    for (const entry of waiting) {
      await repo.updateWaitlistFrom(trx, entry.id, entry.status, { status: 'expired', active_day: null })
      await repo.insertNotice(trx, {
        id: randomUUID(),
        user_id: entry.user_id,
        kind: 'cancelled_by_hall',
        appointment_id: null,
        waitlist_id: entry.id,
        detail: JSON.stringify({ hallId, day, itemCode: entry.item_code }),
        created_at: now.toISOString(),
      })
      await enqueueWaitlistClosed(trx, now, entry, hall.name)
    }
    await repo.closeSlotsOfDay(trx, hallId, day)
    return { cancelled }
  })
}

/** Booked appointments past their check-in window become no-shows (and count towards a suspension). */
export async function markNoShows(db: Kysely<Database>, now: Date): Promise<number> {
  const candidates = await repo.bookedStartedBefore(db, new Date(now.getTime() - CHECK_IN_GRACE_MIN * MINUTE_MS).toISOString())
  let marked = 0
  for (const row of candidates) {
    const startsAt = new Date(row.starts_at)
    if (!isNoShowAt(startsAt, row.running_late === 1, now)) continue
    // Dated when the check-in window closed, not when this pass ran: a server that was down for days must not
    // bunch old no-shows into one day and suspend someone for it.
    const missedAt = checkInWindow(startsAt, row.running_late === 1).closes.toISOString()
    await db.transaction().execute(async (trx) => {
      if (!(await repo.updateAppointmentFrom(trx, row.id, 'booked', { status: 'no_show', no_show_at: missedAt }))) return
      await repo.insertNoShow(trx, row.id, row.user_id, missedAt)
      await repo.insertNotice(trx, {
        id: randomUUID(),
        user_id: row.user_id,
        kind: 'no_show',
        appointment_id: row.id,
        waitlist_id: null,
        detail: JSON.stringify({ hallId: row.hall_id, code: row.code, startsAt: row.starts_at }),
        created_at: now.toISOString(),
      })
      marked += 1
    })
  }
  return marked
}

export interface JobReport {
  slotsAdded: number
  offersExpired: number
  noShows: number
  /** "Tomorrow" and "in an hour" reminders that fell due and went into the notification outbox. */
  reminders: number
}

/** One pass of the appointments job; main runs it every minute, tests call it with their clock's time. */
export async function runAppointmentJob(db: Kysely<Database>, now: Date): Promise<JobReport> {
  const slotsAdded = await generateSlots(db, now)
  const offersExpired = await expireOffers(db, now)
  const noShows = await markNoShows(db, now)
  const reminders = await enqueueDueReminders(db, now)
  return { slotsAdded, offersExpired, noShows, reminders }
}

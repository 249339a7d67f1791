// Appointments' reminders outside the app, written to the notification outbox: cancelled by the hall and waitlist
// offers in the transaction of the change; "tomorrow" (from 18:00 the day before) and "in an hour" when they fall
// due — by the minute job, or at booking time when the booking is already inside that window.
import type { Kysely } from 'kysely'
import { shanghaiTime } from '../../../src/domain/clockTime'
import { addCalendarDays } from '../../../src/domain/holidays'
import type { Database } from '../../db/schema'
import { enqueueNotice } from '../notify/outbox'
import { dropUnsent } from '../notify/outboxRepo'
import type * as repo from './repo'

const HOUR_MS = 60 * 60 * 1000
/** "Your appointment is tomorrow" goes out from this hour (Asia/Shanghai) of the day before. */
export const TOMORROW_REMINDER_HOUR = 18
export const SOON_REMINDER_MS = HOUR_MS

export const appointmentPagePath = (id: string) => `packages/booking/detail/index?id=${encodeURIComponent(id)}`
export const myAppointmentsPath = 'packages/booking/mine/index'

type Reminded = Pick<repo.AppointmentRow, 'id' | 'user_id' | 'code' | 'item_name' | 'starts_at' | 'day'>

/** Keyed by the start too: a rescheduled appointment is reminded of its new time. */
const tomorrowKey = (row: Pick<Reminded, 'id' | 'starts_at'>) => `appointment_tomorrow:${row.id}:${row.starts_at}`
const soonKey = (row: Pick<Reminded, 'id' | 'starts_at'>) => `appointment_soon:${row.id}:${row.starts_at}`

function reminderParams(row: Reminded, hallName: string) {
  return { path: appointmentPagePath(row.id), hallName, itemName: row.item_name, at: row.starts_at, appointmentCode: row.code }
}

/** Enqueues the "tomorrow" and "in an hour" reminders that are due at `now` for a booked appointment. */
export async function enqueueRemindersDue(db: Kysely<Database>, now: Date, row: Reminded, hallName: string): Promise<number> {
  const startsAt = Date.parse(row.starts_at)
  if (startsAt <= now.getTime()) return 0
  let enqueued = 0
  const local = shanghaiTime(now)
  const isTomorrow = row.day === addCalendarDays(local.date, 1)
  if (isTomorrow && local.minutes >= TOMORROW_REMINDER_HOUR * 60) {
    const input = { dedupKey: tomorrowKey(row), kind: 'appointment_tomorrow' as const, userId: row.user_id, params: reminderParams(row, hallName), expiresAt: row.starts_at }
    if (await enqueueNotice(db, now, input)) enqueued += 1
  }
  if (startsAt - now.getTime() <= SOON_REMINDER_MS) {
    const input = { dedupKey: soonKey(row), kind: 'appointment_soon' as const, userId: row.user_id, params: reminderParams(row, hallName), expiresAt: row.starts_at }
    if (await enqueueNotice(db, now, input)) enqueued += 1
  }
  return enqueued
}

/** A cancelled or moved appointment is not reminded of its old time (a reminder waiting out quiet hours, say). */
export function withdrawReminders(trx: Kysely<Database>, row: Pick<Reminded, 'id' | 'starts_at'>, reason: string): Promise<number> {
  return dropUnsent(trx, [tomorrowKey(row), soonKey(row)], reason)
}

/** The minute job's part: every booked appointment starting before the end of tomorrow gets what is due. */
export async function enqueueDueReminders(db: Kysely<Database>, now: Date): Promise<number> {
  const tomorrow = addCalendarDays(shanghaiTime(now).date, 1)
  const rows = await db
    .selectFrom('appointments')
    .innerJoin('halls', 'halls.id', 'appointments.hall_id')
    .select(['appointments.id', 'appointments.user_id', 'appointments.code', 'appointments.item_name', 'appointments.starts_at', 'appointments.day', 'halls.name as hall_name'])
    .where('appointments.status', '=', 'booked')
    .where('appointments.starts_at', '>', now.toISOString())
    .where('appointments.day', '<=', tomorrow)
    .execute()
  let enqueued = 0
  for (const row of rows) enqueued += await enqueueRemindersDue(db, now, row, row.hall_name)
  return enqueued
}

export function enqueueCancelledByHall(trx: Kysely<Database>, now: Date, row: Reminded, hallName: string): Promise<boolean> {
  return enqueueNotice(trx, now, {
    dedupKey: `appointment_cancelled:${row.id}`,
    kind: 'appointment_cancelled',
    userId: row.user_id,
    params: reminderParams(row, hallName),
  })
}

/** Someone waiting for a day the hall then closed: their wait is over too. */
export function enqueueWaitlistClosed(trx: Kysely<Database>, now: Date, entry: Pick<repo.WaitlistRow, 'id' | 'user_id' | 'item_name' | 'day'>, hallName: string) {
  return enqueueNotice(trx, now, {
    dedupKey: `appointment_cancelled:waitlist:${entry.id}`,
    kind: 'appointment_cancelled',
    userId: entry.user_id,
    params: { path: myAppointmentsPath, hallName, itemName: entry.item_name, at: `${entry.day}T00:00:00+08:00` },
  })
}

/** A place held for this person until `expiresAt`: the message opens the booking form with it chosen. */
export function enqueueWaitlistOffer(
  trx: Kysely<Database>,
  now: Date,
  entry: Pick<repo.WaitlistRow, 'id' | 'user_id' | 'item_code' | 'item_name'>,
  slot: Pick<repo.SlotRow, 'id' | 'hall_id' | 'day'>,
  hallName: string,
  expiresAt: Date,
) {
  const path = `packages/booking/book/index?item=${encodeURIComponent(entry.item_code)}&hall=${encodeURIComponent(slot.hall_id)}&date=${slot.day}&slot=${encodeURIComponent(slot.id)}`
  return enqueueNotice(trx, now, {
    dedupKey: `waitlist_offer:${entry.id}:${slot.id}`,
    kind: 'waitlist_offer',
    userId: entry.user_id,
    params: { path, hallName, itemName: entry.item_name, at: expiresAt.toISOString() },
    expiresAt: expiresAt.toISOString(),
  })
}

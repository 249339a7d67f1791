// Appointment rules (网上预约), shared by server and client: when a hall can be booked, how its day is cut into
// slots, and the time limits on cancelling, checking in and saying "I'm running late". All times are Asia/Shanghai.
import { minutesOfDay, shanghaiTime } from './clockTime'
import type { OpeningPeriod, WeeklyHours } from './contract/halls'
import { periodsOnDate } from './hallHours'
import { addCalendarDays, officialCalendar, type HolidayCalendar } from './holidays'

const MINUTE_MS = 60 * 1000
const DAY_MS = 24 * 60 * MINUTE_MS
const SHANGHAI_OFFSET_MS = 8 * 60 * MINUTE_MS

/** Today and the 13 days after it. */
export const BOOKING_DAYS = 14
export const CANCEL_BEFORE_MIN = 30
export const CHECK_IN_OPENS_BEFORE_MIN = 30
export const CHECK_IN_GRACE_MIN = 15
/** Saying "I'm running late" before the start keeps the place this much longer than the usual grace. */
export const RUNNING_LATE_EXTRA_MIN = 15
export const NEARBY_METERS = 500
export const WAITLIST_HOLD_MIN = 30
export const NO_SHOW_LIMIT = 3
export const NO_SHOW_WINDOW_DAYS = 30
export const SUSPENSION_DAYS = 7

/** The instant of a wall-clock time in China: date YYYY-MM-DD and minutes since local midnight. */
export function shanghaiInstant(date: string, minutes: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE_MS - SHANGHAI_OFFSET_MS)
}

/** ISO 8601 with the +08:00 offset, as the contract shows times to people in China. */
export function shanghaiIso(instant: Date): string {
  return `${new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`
}

/** The dates (today first) within the booking window on which the hall opens and has not been closed. */
export function bookingDays(
  hours: WeeklyHours,
  now: Date,
  closedDays: readonly string[] = [],
  calendar: HolidayCalendar = officialCalendar,
): string[] {
  const today = shanghaiTime(now).date
  const days: string[] = []
  for (let offset = 0; offset < BOOKING_DAYS; offset += 1) {
    const date = addCalendarDays(today, offset)
    if (!closedDays.includes(date) && periodsOnDate(hours, date, calendar).length > 0) days.push(date)
  }
  return days
}

export interface SlotTemplate {
  slotMinutes: number
  places: number
  /** Kept back in every slot for people who come without booking. */
  walkInPlaces: number
}

/** Places per slot open to online booking. */
export function bookablePlaces(template: SlotTemplate): number {
  return Math.max(0, template.places - template.walkInPlaces)
}

export interface SlotTime {
  startsAt: Date
  endsAt: Date
}

/**
 * Cuts each opening period into whole slots from its opening time; a slot never runs past the period's end, so a
 * lunch break (two periods) and the last part-slot of the day are never offered.
 */
export function slotTimesFor(periods: readonly OpeningPeriod[], date: string, slotMinutes: number): SlotTime[] {
  if (!Number.isInteger(slotMinutes) || slotMinutes <= 0) return []
  const slots: SlotTime[] = []
  for (const { opens, closes } of periods) {
    const end = minutesOfDay(closes)
    for (let start = minutesOfDay(opens); start + slotMinutes <= end; start += slotMinutes) {
      slots.push({ startsAt: shanghaiInstant(date, start), endsAt: shanghaiInstant(date, start + slotMinutes) })
    }
  }
  return slots
}

/** The slots of one day from the hall's hours and a template; none on a closed day or a holiday. */
export function daySlots(
  hours: WeeklyHours,
  date: string,
  template: SlotTemplate,
  closedDays: readonly string[] = [],
  calendar: HolidayCalendar = officialCalendar,
): SlotTime[] {
  if (closedDays.includes(date) || bookablePlaces(template) === 0) return []
  return slotTimesFor(periodsOnDate(hours, date, calendar), date, template.slotMinutes)
}

/** A slot can be booked until it starts. */
export function isBookableAt(startsAt: Date, now: Date): boolean {
  return now.getTime() < startsAt.getTime()
}

/** Cancelling (or moving) is allowed until 30 minutes before the start, that minute included. */
export function canCancelAt(startsAt: Date, now: Date): boolean {
  return now.getTime() <= startsAt.getTime() - CANCEL_BEFORE_MIN * MINUTE_MS
}

/** "I'm running late" must be said before the start. */
export function canDeclareRunningLateAt(startsAt: Date, now: Date): boolean {
  return now.getTime() < startsAt.getTime()
}

export interface CheckInWindow {
  opens: Date
  closes: Date
}

export function checkInWindow(startsAt: Date, runningLate: boolean): CheckInWindow {
  const graceMin = CHECK_IN_GRACE_MIN + (runningLate ? RUNNING_LATE_EXTRA_MIN : 0)
  return {
    opens: new Date(startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MIN * MINUTE_MS),
    closes: new Date(startsAt.getTime() + graceMin * MINUTE_MS),
  }
}

export type CheckInTiming = 'too_early' | 'open' | 'too_late'

/** Both ends of the window count as inside it. */
export function checkInTiming(startsAt: Date, runningLate: boolean, now: Date): CheckInTiming {
  const { opens, closes } = checkInWindow(startsAt, runningLate)
  if (now.getTime() < opens.getTime()) return 'too_early'
  if (now.getTime() > closes.getTime()) return 'too_late'
  return 'open'
}

/** Past the check-in window without checking in: the appointment is a no-show. */
export function isNoShowAt(startsAt: Date, runningLate: boolean, now: Date): boolean {
  return checkInTiming(startsAt, runningLate, now) === 'too_late'
}

/**
 * When booking is suspended until, or null: every no-show that completes 3 within 30 days (counting itself)
 * suspends booking for 7 days from that no-show.
 */
export function suspendedUntil(noShows: readonly Date[], now: Date): Date | null {
  const times = noShows.map((at) => at.getTime()).sort((a, b) => a - b)
  let until: number | null = null
  for (let i = NO_SHOW_LIMIT - 1; i < times.length; i += 1) {
    if (times[i] - times[i - NO_SHOW_LIMIT + 1] < NO_SHOW_WINDOW_DAYS * DAY_MS) {
      const end = times[i] + SUSPENSION_DAYS * DAY_MS
      if (end > now.getTime() && (until === null || end > until)) until = end
    }
  }
  return until === null ? null : new Date(until)
}

/** The payload of the QR code posted in a hall for checking in. */
export function hallCheckInCode(hallId: string): string {
  return `banshi:hall:${hallId}`
}

export function hallIdOfCheckInCode(payload: string): string | null {
  const match = /^banshi:hall:([^\s]+)$/.exec(payload.trim())
  return match ? match[1] : null
}

/** Slot scopes: a template and its slots serve either one queue category of a hall or one item. */
export const categoryScope = (categoryId: string) => `cat:${categoryId}`
export const itemScope = (itemCode: string) => `item:${itemCode}`

// 一窗受理: most items go to the general window; police, business registration and construction items have their
// own windows (categories B, C, D) in the halls that have them.
const DEPARTMENT_CATEGORIES: ReadonlyArray<[RegExp, string]> = [
  [/公安/, 'B'],
  [/市场监督/, 'C'],
  [/住房和建设|规划/, 'D'],
]

/** The queue category an item is served in at a hall with these categories. */
export function categoryForItem(department: string, hallCategoryIds: readonly string[]): string | null {
  for (const [pattern, category] of DEPARTMENT_CATEGORIES) {
    if (pattern.test(department) && hallCategoryIds.includes(category)) return category
  }
  if (hallCategoryIds.includes('A')) return 'A'
  return hallCategoryIds[0] ?? null
}

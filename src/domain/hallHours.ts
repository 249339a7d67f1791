import { minutesOfDay, shanghaiTime, type Weekday } from './clockTime'
import type { OpeningPeriod, WeeklyHours } from './contract/halls'
import { holidayName, isWorkingDay, officialCalendar, type HolidayCalendar } from './holidays'

const DAY_ORDER: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

/** Expands a key like "mon-fri", "sat" or "sat-sun" into the weekdays it covers. */
export function daysOfKey(key: string): Weekday[] {
  const [from, to] = key.toLowerCase().split('-') as [Weekday, Weekday | undefined]
  const start = DAY_ORDER.indexOf(from)
  const end = to === undefined ? start : DAY_ORDER.indexOf(to)
  if (start < 0 || end < 0 || end < start) return []
  return DAY_ORDER.slice(start, end + 1)
}

/** Opening periods on a weekday; an empty list means closed that day. */
export function periodsOn(hours: WeeklyHours, weekday: Weekday): OpeningPeriod[] {
  for (const [key, periods] of Object.entries(hours)) {
    if (daysOfKey(key).includes(weekday)) {
      return periods.map(([opens, closes]) => ({ opens, closes }))
    }
  }
  return []
}

function weekdayOf(date: string): Weekday {
  return (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[new Date(`${date}T00:00:00Z`).getUTCDay()]
}

/**
 * A hall's periods on a calendar date: closed on public holidays; on a weekend day worked in exchange (调休上班)
 * halls keep ordinary working-day hours, which are Monday's.
 */
export function periodsOnDate(
  hours: WeeklyHours,
  date: string,
  calendar: HolidayCalendar = officialCalendar,
): OpeningPeriod[] {
  if (holidayName(date, calendar) !== null) return []
  const weekday = weekdayOf(date)
  if ((weekday === 'sat' || weekday === 'sun') && isWorkingDay(date, calendar)) return periodsOn(hours, 'mon')
  return periodsOn(hours, weekday)
}

export function hoursToday(hours: WeeklyHours, now: Date, calendar: HolidayCalendar = officialCalendar): OpeningPeriod[] {
  return periodsOnDate(hours, shanghaiTime(now).date, calendar)
}

export function isOpenAt(hours: WeeklyHours, now: Date, calendar: HolidayCalendar = officialCalendar): boolean {
  const { minutes } = shanghaiTime(now)
  return hoursToday(hours, now, calendar).some(
    ({ opens, closes }) => minutes >= minutesOfDay(opens) && minutes < minutesOfDay(closes),
  )
}

/** "09:00-12:00, 14:00-18:00"; empty on a closed day, which the page words in its language. */
export function formatPeriods(periods: OpeningPeriod[]): string {
  return periods.map((p) => `${p.opens}-${p.closes}`).join(', ')
}

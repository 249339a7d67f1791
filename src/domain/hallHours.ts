import { minutesOfDay, shanghaiTime, type Weekday } from './clockTime'
import type { OpeningPeriod, WeeklyHours } from './contract/halls'

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

export function hoursToday(hours: WeeklyHours, now: Date): OpeningPeriod[] {
  return periodsOn(hours, shanghaiTime(now).weekday)
}

export function isOpenAt(hours: WeeklyHours, now: Date): boolean {
  const { weekday, minutes } = shanghaiTime(now)
  return periodsOn(hours, weekday).some(
    ({ opens, closes }) => minutes >= minutesOfDay(opens) && minutes < minutesOfDay(closes),
  )
}

export function formatPeriods(periods: OpeningPeriod[]): string {
  if (periods.length === 0) return '休息'
  return periods.map((p) => `${p.opens}-${p.closes}`).join(', ')
}

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

const DAY_NAMES_ZH: Record<Weekday, string> = {
  mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六', sun: '周日',
}

export function formatPeriods(periods: OpeningPeriod[]): string {
  if (periods.length === 0) return '休息'
  return periods.map((p) => `${p.opens}-${p.closes}`).join(', ')
}

/** One line per published key, e.g. "周一至周五 09:00-12:00, 14:00-18:00"; days not listed are closed. */
export function describeWeek(hours: WeeklyHours): string[] {
  const lines = Object.entries(hours)
    .map(([key, periods]) => ({ days: daysOfKey(key), periods }))
    .filter(({ days }) => days.length > 0)
    .sort((a, b) => DAY_ORDER.indexOf(a.days[0]) - DAY_ORDER.indexOf(b.days[0]))
    .map(({ days, periods }) => {
      const label = days.length === 1 ? DAY_NAMES_ZH[days[0]] : `${DAY_NAMES_ZH[days[0]]}至${DAY_NAMES_ZH[days[days.length - 1]]}`
      return `${label} ${formatPeriods(periods.map(([opens, closes]) => ({ opens, closes })))}`
    })
  const covered = new Set(Object.keys(hours).flatMap(daysOfKey))
  const closed = DAY_ORDER.filter((d) => !covered.has(d)).map((d) => DAY_NAMES_ZH[d])
  if (closed.length > 0) lines.push(`${closed.join('、')} 休息`)
  return lines
}

import { holidayYearsCn, type HolidayYear } from './holidayCalendarCn'

export interface HolidayCalendar {
  /** Every day off that is a public holiday or a bridging day → the holiday's name. */
  holidays: Readonly<Record<string, string>>
  /** Weekend days that are working days (调休上班). */
  workdays: readonly string[]
  years: readonly number[]
}

const DAY_MS = 24 * 60 * 60 * 1000

/** Calendar arithmetic on YYYY-MM-DD strings, in UTC so no time zone or daylight saving can shift a day. */
export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay()
  return day === 0 || day === 6
}

export function calendarFrom(years: HolidayYear[]): HolidayCalendar {
  const holidays: Record<string, string> = {}
  for (const year of years) {
    for (const period of year.periods) {
      for (let day = period.from; day <= period.to; day = addCalendarDays(day, 1)) holidays[day] = period.name
    }
  }
  return { holidays, workdays: years.flatMap((year) => year.workdays), years: years.map((year) => year.year) }
}

export const officialCalendar: HolidayCalendar = calendarFrom(holidayYearsCn)

export function holidayName(date: string, calendar: HolidayCalendar = officialCalendar): string | null {
  return calendar.holidays[date] ?? null
}

/** A day government offices work: Monday to Friday unless a holiday, plus the weekend days worked in exchange. */
export function isWorkingDay(date: string, calendar: HolidayCalendar = officialCalendar): boolean {
  if (calendar.holidays[date] !== undefined) return false
  if (isWeekend(date)) return calendar.workdays.includes(date)
  return true
}

/** The date `days` working days after `startDate`; the start day itself is not counted (法定时限 from 受理). */
export function addWorkingDays(startDate: string, days: number, calendar: HolidayCalendar = officialCalendar): string {
  let date = startDate
  let remaining = days
  while (remaining > 0) {
    date = addCalendarDays(date, 1)
    if (isWorkingDay(date, calendar)) remaining -= 1
  }
  return date
}

/** Working days after `from` up to and including `to`; negative (counted the same way) when `to` is earlier. */
export function workingDaysBetween(from: string, to: string, calendar: HolidayCalendar = officialCalendar): number {
  if (to < from) return -workingDaysBetween(to, from, calendar)
  let count = 0
  for (let date = addCalendarDays(from, 1); date <= to; date = addCalendarDays(date, 1)) {
    if (isWorkingDay(date, calendar)) count += 1
  }
  return count
}

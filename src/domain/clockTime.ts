// Wall-clock time in Asia/Shanghai without a time-zone database: China keeps UTC+8 all year (no daylight saving
// since 1991), so a fixed offset is exact and works the same in Node, browsers and the mini-program.

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

export type Weekday = 'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat'
const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

export interface LocalTime {
  /** YYYY-MM-DD */
  date: string
  weekday: Weekday
  /** Minutes since local midnight, 0..1439 */
  minutes: number
}

export function shanghaiTime(instant: Date): LocalTime {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS)
  const date = local.toISOString().slice(0, 10)
  return {
    date,
    weekday: WEEKDAYS[local.getUTCDay()],
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
  }
}

/** "09:30" → 570. Returns NaN for anything that is not HH:MM. */
export function minutesOfDay(hhmm: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm)
  if (!match) return Number.NaN
  return Number(match[1]) * 60 + Number(match[2])
}

/** The instant the calendar day containing `instant` began in China (local midnight). */
export function shanghaiMidnight(instant: Date): Date {
  const day = 24 * 60 * 60 * 1000
  return new Date(Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / day) * day - SHANGHAI_OFFSET_MS)
}

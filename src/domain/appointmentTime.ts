// How appointment times read to a person: always wall-clock time in China (Asia/Shanghai, UTC+8 all year),
// whatever time zone the phone is set to, because the appointment happens at a hall in China.
import { addCalendarDays } from './holidays'
import { shanghaiTime, type Weekday } from './clockTime'

export type TimeLang = 'zh' | 'en'

const WEEKDAY_ZH: Record<Weekday, string> = { sun: '周日', mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六' }
const WEEKDAY_EN: Record<Weekday, string> = { sun: 'Sun', mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat' }
const MONTH_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "09:30" for an ISO instant, in China's time. */
export function clockOf(iso: string): string {
  const minutes = shanghaiTime(new Date(iso)).minutes
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/** The YYYY-MM-DD day in China an ISO instant falls on. */
export function dayOf(iso: string): string {
  return shanghaiTime(new Date(iso)).date
}

function weekdayOf(date: string): Weekday {
  return shanghaiTime(new Date(`${date}T04:00:00Z`)).weekday
}

/** "11月26日 周四" / "Thu 26 Nov"; today and tomorrow by name, because that is how people think of them. */
export function dayLabel(date: string, today: string, lang: TimeLang): string {
  const [, month, day] = date.split('-').map(Number)
  const weekday = weekdayOf(date)
  const plain = lang === 'zh' ? `${month}月${day}日 ${WEEKDAY_ZH[weekday]}` : `${WEEKDAY_EN[weekday]} ${day} ${MONTH_EN[month - 1]}`
  if (date === today) return lang === 'zh' ? `今天 ${plain}` : `Today, ${plain}`
  if (date === addCalendarDays(today, 1)) return lang === 'zh' ? `明天 ${plain}` : `Tomorrow, ${plain}`
  return plain
}

/** "09:00–09:30". */
export function slotRange(startsAt: string, endsAt: string): string {
  return `${clockOf(startsAt)}–${clockOf(endsAt)}`
}

/** "明天 11月26日 周四 09:00–09:30": the whole appointment time in one line. */
export function appointmentWhen(slot: { startsAt: string; endsAt: string }, now: Date, lang: TimeLang): string {
  const today = shanghaiTime(now).date
  return `${dayLabel(dayOf(slot.startsAt), today, lang)} ${slotRange(slot.startsAt, slot.endsAt)}`
}

/** Whole minutes from `now` until `iso` (negative once passed). */
export function minutesUntil(iso: string, now: Date): number {
  return Math.floor((Date.parse(iso) - now.getTime()) / 60_000)
}

/** Not yet started: the appointment belongs under "upcoming" (also while checked in and not yet over). */
export function isUpcoming(appointment: { status: string; slot: { endsAt: string } }, now: Date): boolean {
  return (appointment.status === 'booked' || appointment.status === 'checked_in') && Date.parse(appointment.slot.endsAt) > now.getTime()
}

/** "12月2日 周三 10:00" for an instant; a bare YYYY-MM-DD reads as that day. */
export function momentLabel(isoOrDate: string, today: string, lang: TimeLang): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(isoOrDate)) return dayLabel(isoOrDate, today, lang)
  return `${dayLabel(dayOf(isoOrDate), today, lang)} ${clockOf(isoOrDate)}`
}

import type { HallLevel, OpeningPeriod, TicketStatus } from '@/domain/contract'
import { breaksBetween } from '@/domain/hallDay'
import { waitRange } from '@/domain/waitRange'
import type { MessageKey, MessageParams } from '@/i18n'
import '@/i18n/queue'

type Translate = (key: MessageKey, params?: MessageParams) => string

/** "预计等候约 15–25 分钟": the honest range from the estimate's P50 to its P80, or that there is no wait. */
export function expectedWaitText(t: Translate, estimatedWaitMin: number, estimatedWaitHighMin: number): string {
  const range = waitRange(estimatedWaitMin, estimatedWaitHighMin)
  if (range.kind === 'none') return t('queue.wait.none')
  const wait = range.kind === 'about' ? t('queue.wait.about', { minutes: range.minutes }) : t('queue.wait.range', { low: range.low, high: range.high })
  return t('queue.wait.expected', { wait })
}

export function distanceText(t: Translate, meters: number): string {
  return meters < 1000 ? t('queue.distance.m', { m: meters }) : t('queue.distance.km', { km: (meters / 1000).toFixed(meters < 10_000 ? 1 : 0) })
}

/** "今日 09:00–12:00、14:00–18:00 · 午休 12:00–14:00", or that the hall does not open today. */
export function hoursTodayText(t: Translate, periods: OpeningPeriod[]): string {
  if (periods.length === 0) return t('queue.hall.closedToday')
  const hours = t('queue.hall.hoursToday', { hours: periods.map((p) => `${p.opens}–${p.closes}`).join(', ') })
  const breaks = breaksBetween(periods).map((gap) => t('queue.hall.lunch', { from: gap.opens, to: gap.closes }))
  return [hours, ...breaks].join(' · ')
}

export const levelText = (t: Translate, level: HallLevel) => t(`queue.level.${level}`)
export const statusText = (t: Translate, status: TicketStatus) => t(`queue.ticket.status.${status}`)

/** "10:05" in Beijing time, whatever the phone's zone. */
export function clockText(iso: string): string {
  const shanghai = new Date(Date.parse(iso) + 8 * 3600_000)
  return `${String(shanghai.getUTCHours()).padStart(2, '0')}:${String(shanghai.getUTCMinutes()).padStart(2, '0')}`
}

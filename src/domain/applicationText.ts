// What residents read about an application (the deadline line, the delivery line) as phrases, and badge tones.
import type { ApplicationProgress, Delivery } from './contract/applications'
import type { ApplicationStage } from './applicationStatus'
import type { Phrase } from './phrase'

type DeadlineKey =
  | 'progress.deadline.sameDay'
  | 'progress.deadline.afterAcceptance'
  | 'progress.deadline.overdue'
  | 'progress.deadline.onTime'
  | 'progress.deadline.today'
  | 'progress.deadline.daysLeft'

export function deadlineText(progress: Pick<ApplicationProgress, 'promisedDueDate' | 'daysLeft' | 'daysOverdue' | 'overdue' | 'status' | 'promisedDays'>): Phrase<DeadlineKey> {
  if (progress.promisedDueDate === null) {
    return progress.promisedDays === 0
      ? { key: 'progress.deadline.sameDay' }
      : { key: 'progress.deadline.afterAcceptance', params: { days: progress.promisedDays } }
  }
  if (progress.overdue) return { key: 'progress.deadline.overdue', params: { days: progress.daysOverdue } }
  if (progress.daysLeft === null) return { key: 'progress.deadline.onTime' }
  if (progress.daysLeft === 0) return { key: 'progress.deadline.today' }
  return { key: 'progress.deadline.daysLeft', params: { days: progress.daysLeft } }
}

export function deliveryText(delivery: Delivery): Phrase<'progress.delivery.pickup' | 'progress.delivery.express'> {
  return delivery.method === 'pickup'
    ? { key: 'progress.delivery.pickup', params: { place: delivery.place } }
    : { key: 'progress.delivery.express', params: { carrier: delivery.carrier, trackingNo: delivery.trackingNo } }
}

export type BadgeTone = 'info' | 'warning' | 'success' | 'danger'

export function stageTone(stage: ApplicationStage, overdue = false): BadgeTone {
  if (overdue) return 'danger'
  if (stage === 'supplement_requested') return 'warning'
  if (stage === 'completed' || stage === 'delivered' || stage === 'decided') return 'success'
  return 'info'
}

/** 2026-11-25T02:00:00.000Z → 2026-11-25 10:00 (China time). */
export function shanghaiDateTime(iso: string): string {
  const local = new Date(Date.parse(iso) + 8 * 3600_000).toISOString()
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`
}

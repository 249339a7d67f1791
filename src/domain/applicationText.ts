// Words residents read about an application: the deadline line, the delivery line, badge tones.
import type { ApplicationProgress, Delivery } from './contract/applications'
import type { ApplicationStage } from './applicationStatus'

export function deadlineText(progress: Pick<ApplicationProgress, 'promisedDueDate' | 'daysLeft' | 'daysOverdue' | 'overdue' | 'status' | 'promisedDays'>): string {
  if (progress.promisedDueDate === null) {
    return progress.promisedDays === 0 ? '即办件:受理当天办结' : `受理后 ${progress.promisedDays} 个工作日内办结`
  }
  if (progress.overdue) return `已超过承诺期限 ${progress.daysOverdue} 个工作日`
  if (progress.daysLeft === null) return '已按期办结'
  if (progress.daysLeft === 0) return '今天是承诺办结日'
  return `距承诺办结还有 ${progress.daysLeft} 个工作日`
}

export function deliveryText(delivery: Delivery): string {
  return delivery.method === 'pickup' ? `请到 ${delivery.place} 领取` : `已邮寄:${delivery.carrier} ${delivery.trackingNo}`
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

// Rows → the contract's shapes. The timeline decides everything that changes (status, acceptance, what is missing,
// the result, delivery); the application row holds only what was fixed at submission.
import type {
  ApplicationEvent,
  ApplicationProgress,
  Delivery,
  Evaluation,
} from '../../../src/domain/contract'
import { isFinished, type ApplicationStage, type DecisionOutcome } from '../../../src/domain/applicationStatus'
import { deadlineStatus } from '../../../src/domain/applicationDeadline'
import { shanghaiTime } from '../../../src/domain/clockTime'
import { maskPhone } from '../../../src/domain/identity'
import type { PersonalDataCipher } from '../../security/personalData'
import type { ApplicationRow, EvaluationRow, EventRow, HallRow } from './repo'

interface EventDetail {
  materials?: string[]
  outcome?: DecisionOutcome
  delivery?: Delivery
}

export function toEvent(row: EventRow): ApplicationEvent {
  const detail: EventDetail = row.detail ? JSON.parse(row.detail) : {}
  return { at: row.at, stage: row.stage as ApplicationStage, note: row.note, ...detail }
}

const dateOf = (iso: string) => shanghaiTime(new Date(iso)).date

function lastOf(events: ApplicationEvent[], stage: ApplicationStage): ApplicationEvent | undefined {
  for (let i = events.length - 1; i >= 0; i -= 1) if (events[i].stage === stage) return events[i]
  return undefined
}

/** 张三 → 张*, 欧阳娜娜 → 欧***: enough for the applicant to recognise, not enough to identify. */
export function maskName(name: string): string {
  const chars = Array.from(name)
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`
}

export function stagesOf(events: EventRow[]): ApplicationStage[] {
  return events.map((event) => event.stage as ApplicationStage)
}

export function toProgress(row: ApplicationRow, eventRows: EventRow[], hall: HallRow, cipher: PersonalDataCipher, now: Date): ApplicationProgress {
  const events = eventRows.map(toEvent)
  const status = events[events.length - 1].stage
  const accepted = lastOf(events, 'accepted')
  const completed = lastOf(events, 'completed')
  const deadline = deadlineStatus({
    acceptedOn: accepted ? dateOf(accepted.at) : null,
    promisedDays: row.promised_days,
    finishedOn: isFinished(status) && completed ? dateOf(completed.at) : null,
    today: shanghaiTime(now).date,
  })
  return {
    no: row.no,
    itemCode: row.item_code,
    itemName: row.item_name,
    status,
    applicantNameMasked: maskName(row.applicant_name),
    phoneMasked: maskPhone(cipher.open('phone', row.applicant_phone_enc)),
    hall: { id: hall.id, name: hall.name, address: hall.address, phone: hall.phone },
    submittedAt: row.submitted_at,
    acceptedOn: accepted ? dateOf(accepted.at) : null,
    promisedDays: row.promised_days,
    promisedDueDate: deadline.dueDate,
    daysLeft: deadline.daysLeft,
    daysOverdue: deadline.daysOverdue,
    overdue: deadline.overdue,
    missingMaterials: status === 'supplement_requested' ? (lastOf(events, 'supplement_requested')?.materials ?? []) : [],
    outcome: lastOf(events, 'decided')?.outcome ?? null,
    delivery: lastOf(events, 'delivered')?.delivery ?? null,
    events,
  }
}

export function toEvaluation(row: EvaluationRow): Evaluation {
  return { score: row.score, tags: JSON.parse(row.tags) as string[], comment: row.comment, createdAt: row.created_at }
}

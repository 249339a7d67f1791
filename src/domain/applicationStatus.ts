// The application's status machine (办件流程). Each move is recorded as an event; the status is the latest event's
// stage. Rules follow the 行政许可法 sequence: 受理 → (补正 as often as needed) → 审查 → 决定 → 办结 → 送达.

export const APPLICATION_STAGES = [
  'submitted',
  'accepted',
  'supplement_requested',
  'supplement_received',
  'reviewing',
  'decided',
  'completed',
  'delivered',
] as const
export type ApplicationStage = (typeof APPLICATION_STAGES)[number]

/** Stages window staff record; `submitted` only ever comes from the applicant's own submission. */
export const STAFF_STAGES = APPLICATION_STAGES.filter((stage) => stage !== 'submitted') as Exclude<ApplicationStage, 'submitted'>[]
export type StaffStage = Exclude<ApplicationStage, 'submitted'>

/** Message keys of the stage names (words in src/i18n/progress.{zh,en}.ts). */
export const stageLabels = {
  submitted: 'progress.stage.submitted',
  accepted: 'progress.stage.accepted',
  supplement_requested: 'progress.stage.supplement_requested',
  supplement_received: 'progress.stage.supplement_received',
  reviewing: 'progress.stage.reviewing',
  decided: 'progress.stage.decided',
  completed: 'progress.stage.completed',
  delivered: 'progress.stage.delivered',
} as const satisfies Record<ApplicationStage, `progress.stage.${ApplicationStage}`>

export const DECISION_OUTCOMES = ['approved', 'rejected'] as const
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number]
export const decisionLabels = { approved: 'progress.decision.approved', rejected: 'progress.decision.rejected' } as const satisfies Record<DecisionOutcome, string>

export const DELIVERY_METHODS = ['pickup', 'express'] as const
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number]

const MOVES: Record<ApplicationStage, readonly ApplicationStage[]> = {
  submitted: ['accepted', 'supplement_requested'],
  accepted: ['supplement_requested', 'reviewing'],
  supplement_requested: ['supplement_received'],
  // Back to 受理 when the gap was found before acceptance, on to 审查 when found after; or still something missing.
  supplement_received: ['supplement_requested', 'accepted', 'reviewing'],
  reviewing: ['supplement_requested', 'decided'],
  decided: ['completed'],
  completed: ['delivered'],
  delivered: [],
}

/** Where an application can go next, given every stage it has passed through (oldest first). */
export function nextStages(history: readonly ApplicationStage[]): ApplicationStage[] {
  const current = history[history.length - 1]
  if (current === undefined) return ['submitted']
  const accepted = history.includes('accepted')
  return MOVES[current].filter((stage) => {
    if (current === 'supplement_received' && stage === 'accepted') return !accepted
    if (current === 'supplement_received' && stage === 'reviewing') return accepted
    return true
  })
}

export function canMove(history: readonly ApplicationStage[], to: ApplicationStage): boolean {
  return nextStages(history).includes(to)
}

/** Finished from the applicant's point of view: the result exists and the deadline no longer runs. */
export function isFinished(stage: ApplicationStage): boolean {
  return stage === 'completed' || stage === 'delivered'
}

/** A rating (好差评) is invited once the work is done. */
export function canBeEvaluated(stage: ApplicationStage): boolean {
  return isFinished(stage)
}

export function isApplicationStage(value: unknown): value is ApplicationStage {
  return typeof value === 'string' && (APPLICATION_STAGES as readonly string[]).includes(value)
}

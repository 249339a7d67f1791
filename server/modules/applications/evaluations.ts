import { randomUUID } from 'node:crypto'
import type { EvaluationBody, EvaluationCreated } from '../../../src/domain/contract'
import { canBeEvaluated, type ApplicationStage } from '../../../src/domain/applicationStatus'
import { normalizeApplicationNo } from '../../../src/domain/applicationNo'
import { AppError } from '../../errors'
import { isUniqueViolation } from '../../db/errors'
import type { Principal } from '../../http/access'
import type { AuthDeps } from '../auth/sessions'
import { callerOf, isPersonServed } from './access'
import * as repo from './repo'
import { toEvaluation } from './view'

const targetNotFound = () => new AppError(404, 'EVALUATION_TARGET_NOT_FOUND')

/** The hall whose service is rated, once the person served may rate it. */
async function ratedHall(deps: AuthDeps, principal: Principal, target: EvaluationBody['target']): Promise<{ hallId: string; targetId: string }> {
  // Appointments and queue tickets are rated through their own issues' records; until then, nothing to find.
  if (target.type !== 'application') throw targetNotFound()
  const row = await repo.findByNo(deps.db, normalizeApplicationNo(target.id))
  if (!row || !isPersonServed(row, await callerOf(deps.db, principal))) throw targetNotFound()
  const events = await repo.eventsOf(deps.db, [row.id])
  if (!canBeEvaluated(events[events.length - 1].stage as ApplicationStage)) throw new AppError(409, 'NOT_READY_TO_EVALUATE')
  return { hallId: row.hall_id, targetId: row.no }
}

/** 好差评: 1–5 with quick tags and a comment, once per service (a second one is 409, enforced by the database). */
export async function evaluate(deps: AuthDeps, principal: Principal, body: EvaluationBody): Promise<EvaluationCreated> {
  const { hallId, targetId } = await ratedHall(deps, principal, body.target)
  const row = {
    id: randomUUID(),
    target_type: body.target.type,
    target_id: targetId,
    user_id: principal.userId,
    hall_id: hallId,
    score: body.score,
    tags: JSON.stringify([...new Set(body.tags ?? [])]),
    comment: body.comment?.trim() || null,
    created_at: deps.clock.now().toISOString(),
  }
  try {
    await repo.insertEvaluation(deps.db, row)
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'ALREADY_EVALUATED')
    throw error
  }
  return { id: row.id, target: { type: body.target.type, id: targetId }, ...toEvaluation(row) }
}

import type { StaffApplication, StaffEventBody } from '../../../src/domain/contract'
import { canMove, nextStages, STAFF_STAGES, type StaffStage } from '../../../src/domain/applicationStatus'
import { normalizeApplicationNo } from '../../../src/domain/applicationNo'
import type { Material } from '../../../src/domain/contract'
import { AppError, validationFailed } from '../../errors'
import { recordAudit } from '../../audit'
import { isUniqueViolation } from '../../db/errors'
import type { Principal } from '../../http/access'
import type { AuthDeps } from '../auth/sessions'
import { applicationView } from './service'
import * as repo from './repo'
import { stagesOf } from './view'
import { enqueueApplicationNotice } from './notices'

/** An application of the caller's own hall; another hall's is refused (403), an unknown number is 404. */
async function ownHallApplication(deps: AuthDeps, principal: Principal, typedNo: string): Promise<repo.ApplicationRow> {
  const row = await repo.findByNo(deps.db, normalizeApplicationNo(typedNo))
  if (!row) throw new AppError(404, 'APPLICATION_NOT_FOUND')
  if (principal.hallId !== row.hall_id) throw new AppError(403, 'FORBIDDEN')
  return row
}

async function staffView(deps: AuthDeps, principal: Principal, row: repo.ApplicationRow): Promise<StaffApplication> {
  const { canEvaluate: _canEvaluate, applicant: _masked, ...view } = await applicationView(deps, deps.db, row, { principal, phoneHash: null })
  const [events, item] = await Promise.all([repo.eventsOf(deps.db, [row.id]), repo.findItem(deps.db, row.item_code)])
  const { cipher } = deps.auth
  return {
    ...view,
    applicant: {
      name: row.applicant_name,
      idNumber: cipher.open('idNumber', row.applicant_id_number_enc),
      phone: cipher.open('phone', row.applicant_phone_enc),
      address: cipher.openOrNull('address', row.applicant_address_enc),
    },
    itemMaterials: item ? (JSON.parse(item.materials) as Material[]).map((m) => m.name) : [],
    eligibilityOverride: row.eligibility_override,
    nextStages: nextStages(stagesOf(events)).filter((stage): stage is StaffStage => (STAFF_STAGES as string[]).includes(stage)),
  }
}

/** Window staff open an application of their hall by number (the applicant's data in full: audited). */
export async function staffApplication(deps: AuthDeps, principal: Principal, no: string, ip: string): Promise<StaffApplication> {
  const row = await ownHallApplication(deps, principal, no)
  await recordAudit(deps.db, deps.clock.now(), [{ actor: principal, action: 'application.read', subjectId: row.id, ip }])
  return staffView(deps, principal, row)
}

/** What each stage must carry: 补正 says which materials, 决定 its outcome, 送达 how it is delivered. */
function eventDetail(body: StaffEventBody, itemMaterials: string[]): string | null {
  if (body.stage === 'supplement_requested') {
    if (!body.materials) throw validationFailed([{ field: 'body.materials', issue: 'say which materials are missing' }])
    const unknown = itemMaterials.length ? body.materials.findIndex((name) => !itemMaterials.includes(name)) : -1
    if (unknown >= 0) throw validationFailed([{ field: `body.materials.${unknown}`, issue: 'not a material of this item' }])
    return JSON.stringify({ materials: [...new Set(body.materials)] })
  }
  if (body.stage === 'decided') {
    if (!body.outcome) throw validationFailed([{ field: 'body.outcome', issue: 'approved or rejected' }])
    return JSON.stringify({ outcome: body.outcome })
  }
  if (body.stage === 'delivered') {
    if (!body.delivery) throw validationFailed([{ field: 'body.delivery', issue: 'pickup place or express tracking number' }])
    return JSON.stringify({ delivery: body.delivery })
  }
  return null
}

/**
 * Records the next step. The status machine decides what may follow; the event's number is the next in sequence,
 * so of two staff recording at once the second collides on the key and is told the state has moved on.
 */
export async function recordEvent(deps: AuthDeps, principal: Principal, no: string, body: StaffEventBody, ip: string): Promise<StaffApplication> {
  const row = await ownHallApplication(deps, principal, no)
  const events = await repo.eventsOf(deps.db, [row.id])
  const history = stagesOf(events)
  if (!canMove(history, body.stage)) {
    throw new AppError(409, 'ILLEGAL_TRANSITION', { status: history[history.length - 1], allowed: nextStages(history) })
  }
  const item = await repo.findItem(deps.db, row.item_code)
  const detail = eventDetail(body, item ? (JSON.parse(item.materials) as Material[]).map((m) => m.name) : [])
  const now = deps.clock.now()
  try {
    await deps.db.transaction().execute(async (trx) => {
      await repo.appendEvent(trx, {
        application_id: row.id,
        seq: events.length + 1,
        stage: body.stage,
        at: now.toISOString(),
        actor_id: principal.userId,
        note: body.note?.trim() || null,
        detail,
      })
      await recordAudit(trx, now, [{ actor: principal, action: 'application.event', subjectId: row.id, ip, detail: body.stage }])
      await enqueueApplicationNotice(trx, deps.auth.cipher, now, row, events.length + 1, body)
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'ILLEGAL_TRANSITION', { status: history[history.length - 1], raced: true })
    throw error
  }
  return staffView(deps, principal, row)
}

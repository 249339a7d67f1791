import { randomUUID, timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import type {
  Application,
  ApplicationProgress,
  ApplicationSubmitBody,
  ApplicationSummary,
  Material,
  OnlineMode,
} from '../../../src/domain/contract'
import { canBeEvaluated } from '../../../src/domain/applicationStatus'
import { checkIdNumber, idNumberIssue, maskIdNumber, maskPhone, normalizeMobile } from '../../../src/domain/identity'
import { isValidApplicationNo, normalizeApplicationNo } from '../../../src/domain/applicationNo'
import { shanghaiTime } from '../../../src/domain/clockTime'
import type { Role } from '../../../src/domain/roles'
import type { Database } from '../../db/schema'
import { AppError, validationFailed } from '../../errors'
import type { Principal } from '../../http/access'
import type { AuthDeps } from '../auth/sessions'
import { newApplicationNo } from './applicationNo'
import { callerOf, canFollow, isPersonServed, type Caller } from './access'
import * as repo from './repo'
import { recordAudit } from '../../audit'
import { appliedItemsByIdHash, residentInGrid } from '../grid/repo'
import { isEligibleFor } from '../../../src/domain/eligibility'
import { toEvaluation, toProgress } from './view'

const MINE_LIMIT = 100
// Public progress lookups per client address: enough for a family checking several applications, too few to probe
// numbers (50 random bits) or phone endings (10^4) by trying.
export const LOOKUP_LIMIT = { limit: 30, windowS: 600 }

const notFound = () => new AppError(404, 'APPLICATION_NOT_FOUND')

/** The full application as its applicant or submitter sees it. */
export async function applicationView(deps: AuthDeps, db: Kysely<Database>, row: repo.ApplicationRow, caller: Caller): Promise<Application> {
  const [events, hall, materials, evaluations, submitter] = await Promise.all([
    repo.eventsOf(db, [row.id]),
    repo.findHall(db, row.hall_id),
    repo.materialsOf(db, row.id),
    repo.evaluationsFor(db, 'application', [row.no]),
    repo.userPhoneHash(db, row.submitted_by),
  ])
  if (!hall) throw new Error(`hall ${row.hall_id} of application ${row.no} is missing`)
  const progress = toProgress(row, events, hall, deps.auth.cipher, deps.clock.now())
  const evaluation = evaluations[0] ? toEvaluation(evaluations[0]) : null
  return {
    ...progress,
    onlineMode: row.online_mode as OnlineMode,
    applicant: {
      name: row.applicant_name,
      idNumberMasked: maskIdNumber(deps.auth.cipher.open('idNumber', row.applicant_id_number_enc)),
      phoneMasked: maskPhone(deps.auth.cipher.open('phone', row.applicant_phone_enc)),
    },
    submittedBy: {
      role: row.submitted_by_role as Role,
      name: row.submitted_by_role === 'citizen' ? null : (submitter?.name ?? null),
      onBehalf: row.submitted_by_role !== 'citizen' || row.submitted_by !== caller.principal.userId,
    },
    materials: materials.map((m) => ({ uploadId: m.upload_id, name: m.name, mime: m.mime, size: m.size })),
    evaluation,
    canEvaluate: evaluation === null && canBeEvaluated(progress.status) && isPersonServed(row, caller),
  }
}

interface ItemForApplication {
  code: string
  name: string
  online: string
  promised_days: number
  materials: Material[]
}

async function itemOpenOnline(trx: Kysely<Database>, code: string): Promise<ItemForApplication> {
  const item = await repo.findItem(trx, code)
  if (!item) throw new AppError(404, 'ITEM_NOT_FOUND')
  if (item.online === '窗口办理') throw new AppError(409, 'NOT_ONLINE')
  return { ...item, materials: JSON.parse(item.materials) as Material[] }
}

/** The hall asked for if it handles the item; else the grid's own hall for a grid worker; else the first that does. */
async function handlingHall(trx: Kysely<Database>, principal: Principal, itemCode: string, asked: string | undefined): Promise<string> {
  const halls = (await repo.hallsHandling(trx, itemCode)).map((hall) => hall.id)
  if (asked !== undefined) {
    if (!halls.includes(asked)) throw validationFailed([{ field: 'body.hallId', issue: 'this hall does not handle the item' }])
    return asked
  }
  if (principal.gridId) {
    const grid = await repo.gridHall(trx, principal.gridId)
    if (grid && halls.includes(grid.hall_id)) return grid.hall_id
  }
  if (halls.length === 0) throw new AppError(409, 'NOT_ONLINE')
  return halls[0]
}

/** Names each upload after a guide material: as given, or the required materials in order, then the optional ones. */
function materialNamesFor(item: ItemForApplication, body: ApplicationSubmitBody): string[] {
  const known = item.materials.map((material) => material.name)
  if (body.materialNames) {
    if (body.materialNames.length !== body.materials.length) {
      throw validationFailed([{ field: 'body.materialNames', issue: 'give one name per upload, in the same order' }])
    }
    const unknown = body.materialNames.findIndex((name) => !known.includes(name))
    if (unknown >= 0) throw validationFailed([{ field: `body.materialNames.${unknown}`, issue: 'not a material of this item' }])
    return body.materialNames
  }
  const ordered = [...item.materials.filter((m) => m.required), ...item.materials.filter((m) => !m.required)].map((m) => m.name)
  return body.materials.map((_, index) => ordered[index] ?? '其他材料')
}

async function checkedUploads(trx: Kysely<Database>, principal: Principal, ids: string[]): Promise<void> {
  const duplicate = ids.findIndex((id, index) => ids.indexOf(id) !== index)
  if (duplicate >= 0) throw validationFailed([{ field: `body.materials.${duplicate}`, issue: 'the same upload is listed twice' }])
  const found = new Map((await (ids.length ? repo.uploadsByIds(trx, ids) : Promise.resolve([]))).map((row) => [row.id, row]))
  ids.forEach((id, index) => {
    const upload = found.get(id)
    // Someone else's upload is "not found": ids of other people's photos cannot be attached or probed.
    if (!upload || upload.owner_id !== principal.userId) {
      throw new AppError(400, 'UPLOAD_NOT_FOUND', { fields: [{ field: `body.materials.${index}`, issue: 'unknown upload' }] })
    }
    if (upload.application_id) {
      throw new AppError(400, 'UPLOAD_NOT_FOUND', { fields: [{ field: `body.materials.${index}`, issue: 'already attached to another application' }] })
    }
  })
}

/** The resident's consent, kept with the materials so the handling hall sees it with everything else. */
export const CONSENT_MATERIAL_NAME = '居民授权确认(网格员上门代办)'

interface DoorApplication {
  residentId: string
  signatureUploadId: string
  overrideReason: string | null
}

/**
 * A grid worker applying at a resident's door: the applicant must be that register entry, the resident's own
 * consent must come with it (signature or signed form, plus the worker's attestation), and an item the rules say
 * the resident does not qualify for needs the worker's reason (409 NOT_ELIGIBLE until given).
 */
async function doorCheck(
  deps: AuthDeps,
  trx: Kysely<Database>,
  principal: Principal,
  body: ApplicationSubmitBody,
  itemCode: string,
  idNumber: string,
  today: string,
): Promise<DoorApplication | null> {
  if (body.residentId === undefined) return null
  if (principal.role !== 'grid_worker') {
    throw validationFailed([{ field: 'body.residentId', issue: 'only grid workers apply for a resident on the register' }])
  }
  const resident = await residentInGrid(trx, body.residentId, principal.gridId ?? '')
  if (!resident) throw new AppError(404, 'RESIDENT_NOT_FOUND')
  if (resident.id_number_hash !== deps.auth.cipher.lookupHash('idNumber', idNumber)) {
    throw validationFailed([{ field: 'body.applicant.idNumber', issue: "not the resident's ID number on the register" }])
  }
  const signatureUploadId = body.consent?.signatureUploadId
  if (!signatureUploadId || body.consent?.attestation !== true) {
    throw new AppError(400, 'CONSENT_REQUIRED', {
      fields: [{ field: 'body.consent', issue: "the resident's signature (or signed form) and the worker's attestation are needed" }],
    })
  }
  const applied = (await appliedItemsByIdHash(trx, [resident.id_number_hash])).get(resident.id_number_hash)
  const facts = {
    birthDate: resident.birth_date,
    tags: JSON.parse(resident.tags) as string[],
    coveredItems: [...(JSON.parse(resident.covered_items) as string[]), ...(applied ?? [])],
  }
  const eligible = isEligibleFor(facts, itemCode, today)
  const overrideReason = body.eligibilityOverride?.reason.trim() || null
  if (!eligible && !overrideReason) throw new AppError(409, 'NOT_ELIGIBLE', { itemCode, residentId: resident.id })
  // A reason given where none was needed is not an override: nothing to record.
  return { residentId: resident.id, signatureUploadId, overrideReason: eligible ? null : overrideReason }
}

/**
 * Submits an application (citizen for themselves or someone else, grid worker on a resident's behalf). Runs inside
 * the idempotency transaction: the application, its first event and its materials are written together or not at all.
 */
export async function submitApplication(
  deps: AuthDeps,
  trx: Kysely<Database>,
  principal: Principal,
  body: ApplicationSubmitBody,
  clientKey: string | null = null,
): Promise<Application> {
  // Sent again after its Idempotency-Key was forgotten (a door draft queued offline for days): the same application.
  const earlier = clientKey ? await repo.findByClientKey(trx, principal.userId, clientKey) : undefined
  if (earlier) return applicationView(deps, trx, earlier, { principal, phoneHash: null })
  const now = deps.clock.now()
  const today = shanghaiTime(now).date
  const item = await itemOpenOnline(trx, body.itemCode)
  const idCheck = checkIdNumber(body.applicant.idNumber, today)
  if (!idCheck.ok) {
    throw new AppError(400, 'INVALID_ID_NUMBER', { fields: [{ field: 'body.applicant.idNumber', issue: idNumberIssue[idCheck.problem] }] })
  }
  const phone = normalizeMobile(body.applicant.phone)
  if (!phone) throw new AppError(400, 'INVALID_PHONE', { fields: [{ field: 'body.applicant.phone', issue: 'not a mainland mobile number' }] })
  // The ID number is sensitive personal information: it needs its own consent (PIPL Art. 29).
  if (body.consent?.sensitive !== true) {
    throw new AppError(400, 'CONSENT_REQUIRED', { fields: [{ field: 'body.consent.sensitive', issue: 'must be true' }] })
  }
  const hallId = await handlingHall(trx, principal, item.code, body.hallId)
  const door = await doorCheck(deps, trx, principal, body, item.code, idCheck.idNumber, today)
  await checkedUploads(trx, principal, [...body.materials, ...(door?.signatureUploadId ? [door.signatureUploadId] : [])])
  const names = materialNamesFor(item, body)
  const missing = item.materials.filter((m) => m.required && !names.includes(m.name)).map((m) => m.name)
  if (missing.length > 0) throw new AppError(400, 'MATERIALS_MISSING', { missing })
  const uploads = door ? [...body.materials, door.signatureUploadId] : body.materials
  const uploadNames = door ? [...names, CONSENT_MATERIAL_NAME] : names

  let no = newApplicationNo(today)
  while (await repo.noTaken(trx, no)) no = newApplicationNo(today)
  const id = randomUUID()
  const { cipher } = deps.auth
  const row: repo.ApplicationRow = {
    id,
    no,
    item_code: item.code,
    item_name: item.name,
    online_mode: item.online,
    promised_days: item.promised_days,
    hall_id: hallId,
    applicant_name: body.applicant.name.trim(),
    applicant_id_number_enc: cipher.seal('idNumber', idCheck.idNumber),
    applicant_id_number_hash: cipher.lookupHash('idNumber', idCheck.idNumber),
    applicant_phone_enc: cipher.seal('phone', phone),
    applicant_phone_hash: cipher.lookupHash('phone', phone),
    applicant_address_enc: cipher.sealOrNull('address', body.applicant.address?.trim()),
    submitted_by: principal.userId,
    submitted_by_role: principal.role,
    sensitive_consent_at: now.toISOString(),
    submitted_at: now.toISOString(),
    resident_id: door?.residentId ?? null,
    eligibility_override: door?.overrideReason ?? null,
    client_key: clientKey,
  }
  await repo.insertApplication(
    trx,
    row,
    { application_id: id, seq: 1, stage: 'submitted', at: now.toISOString(), actor_id: principal.userId, note: null, detail: null },
    uploads.map((uploadId, position) => ({ application_id: id, position, upload_id: uploadId, name: uploadNames[position] })),
  )
  if (door?.overrideReason) {
    await recordAudit(trx, now, [
      { actor: principal, action: 'application.eligibility_override', subjectId: door.residentId, ip: null, detail: item.code },
    ])
  }
  return applicationView(deps, trx, row, { principal, phoneHash: null })
}

export async function myApplications(deps: AuthDeps, principal: Principal): Promise<ApplicationSummary[]> {
  const caller = await callerOf(deps.db, principal)
  const rows = await repo.listMine(deps.db, principal.userId, caller.phoneHash, MINE_LIMIT)
  return applicationSummaries(deps, rows, principal.userId, (row) => isPersonServed(row, caller))
}

/**
 * List entries as `viewerId` sees them: "on behalf" when someone else submitted, or a worker submitted for another
 * person; a rating is offered only where `servesViewer` says the viewer is the person served.
 */
export async function applicationSummaries(
  deps: AuthDeps,
  rows: repo.ApplicationRow[],
  viewerId: string,
  servesViewer: (row: repo.ApplicationRow) => boolean,
): Promise<ApplicationSummary[]> {
  const ids = rows.map((row) => row.id)
  const [events, evaluations] = await Promise.all([
    repo.eventsOf(deps.db, ids),
    repo.evaluationsFor(deps.db, 'application', rows.map((row) => row.no)),
  ])
  const rated = new Set(evaluations.map((evaluation) => evaluation.target_id))
  const now = deps.clock.now()
  const hallStub = { id: '', name: '', address: '', phone: '' }
  return rows.map((row) => {
    const progress = toProgress(row, events.filter((event) => event.application_id === row.id), hallStub, deps.auth.cipher, now)
    return {
      no: row.no,
      itemName: row.item_name,
      status: progress.status,
      submittedAt: row.submitted_at,
      promisedDueDate: progress.promisedDueDate,
      overdue: progress.overdue,
      onBehalf: row.submitted_by_role !== 'citizen' || row.submitted_by !== viewerId,
      canEvaluate: !rated.has(row.no) && canBeEvaluated(progress.status) && servesViewer(row),
    }
  })
}

export async function oneApplication(deps: AuthDeps, principal: Principal, typedNo: string): Promise<Application> {
  const row = await repo.findByNo(deps.db, normalizeApplicationNo(typedNo))
  const caller = await callerOf(deps.db, principal)
  if (!row || !canFollow(row, caller)) throw notFound()
  return applicationView(deps, deps.db, row, caller)
}

function sameDigits(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))
}

/** Public progress: the number and the phone's last four digits, or the same 404 whichever of the two is wrong. */
export async function lookupProgress(deps: AuthDeps, ip: string, typedNo: string, phoneLast4: string): Promise<ApplicationProgress> {
  const decision = await deps.auth.limiter.hit(`application-lookup:${ip}`, LOOKUP_LIMIT.limit, LOOKUP_LIMIT.windowS, deps.clock.now())
  if (!decision.allowed) {
    const seconds = Math.max(1, Math.ceil(decision.retryAfterS))
    throw new AppError(429, 'RATE_LIMITED', { retryAfterS: seconds }, { 'Retry-After': String(seconds) })
  }
  const no = normalizeApplicationNo(typedNo)
  if (!isValidApplicationNo(no)) throw notFound()
  const row = await repo.findByNo(deps.db, no)
  if (!row) throw notFound()
  const phone = deps.auth.cipher.open('phone', row.applicant_phone_enc)
  if (!sameDigits(phone.slice(-4), phoneLast4)) throw notFound()
  const [events, hall] = await Promise.all([repo.eventsOf(deps.db, [row.id]), repo.findHall(deps.db, row.hall_id)])
  if (!hall) throw notFound()
  return toProgress(row, events, hall, deps.auth.cipher, deps.clock.now())
}

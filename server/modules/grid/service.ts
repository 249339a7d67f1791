import type {
  EligibleItem,
  ResidentApplicant,
  ResidentDetail,
  ResidentList,
  ResidentSummary,
  VisitBody,
  VisitResult,
} from '../../../src/domain/contract'
import { ageOn, eligibleItems, snoozedUntil, type ResidentTag, type VisitOutcome } from '../../../src/domain/eligibility'
import { maskAddress, maskIdNumber } from '../../../src/domain/identity'
import { shanghaiTime } from '../../../src/domain/clockTime'
import { AppError } from '../../errors'
import { recordAudit } from '../../audit'
import type { Principal } from '../../http/access'
import type { AuthDeps } from '../auth/sessions'
import { newId } from '../auth/repo'
import { applicationSummaries } from '../applications/service'
import * as repo from './repo'

const residentNotFound = () => new AppError(404, 'RESIDENT_NOT_FOUND')

/** Grid workers see their own grid; an administrator may look at any (`null`: no grid filter). */
function gridScope(principal: Principal): string | null {
  if (principal.role === 'admin') return null
  if (!principal.gridId) throw new AppError(403, 'NO_GRID')
  return principal.gridId
}

function coveredItems(row: repo.ResidentRow, applied: Set<string> | undefined): string[] {
  return [...(JSON.parse(row.covered_items) as string[]), ...(applied ?? [])]
}

function toSummary(
  row: repo.ResidentRow,
  deps: AuthDeps,
  today: string,
  context: { applied: Set<string> | undefined; names: Map<string, string>; lastVisit: repo.VisitRow | undefined },
): ResidentSummary {
  const eligible: EligibleItem[] = eligibleItems(
    { birthDate: row.birth_date, tags: JSON.parse(row.tags) as string[], coveredItems: coveredItems(row, context.applied) },
    today,
  ).map((found) => ({ ...found, itemName: context.names.get(found.itemCode) ?? found.itemCode }))
  return {
    id: row.id,
    name: row.name,
    sex: row.sex === 'female' ? 'female' : 'male',
    age: ageOn(row.birth_date, today),
    addressMasked: maskAddress(deps.auth.cipher.open('address', row.address_enc)),
    eligible,
    snoozedUntil: row.snoozed_until && row.snoozed_until > today ? row.snoozed_until : null,
    lastVisit: context.lastVisit ? { at: context.lastVisit.at, outcome: context.lastVisit.outcome as VisitOutcome } : null,
  }
}

async function summaries(deps: AuthDeps, rows: repo.ResidentRow[], today: string): Promise<ResidentSummary[]> {
  const [applied, visits] = await Promise.all([
    repo.appliedItemsByIdHash(deps.db, rows.map((row) => row.id_number_hash)),
    repo.lastVisits(deps.db, rows.map((row) => row.id)),
  ])
  const lastVisit = new Map<string, repo.VisitRow>()
  for (const visit of visits) if (!lastVisit.has(visit.resident_id)) lastVisit.set(visit.resident_id, visit)
  const found = rows.map((row) => toSummary(row, deps, today, { applied: applied.get(row.id_number_hash), names: new Map(), lastVisit: lastVisit.get(row.id) }))
  const codes = [...new Set(found.flatMap((resident) => resident.eligible.map((item) => item.itemCode)))]
  const names = new Map((await repo.itemNames(deps.db, codes)).map((item) => [item.code, item.name]))
  for (const resident of found) for (const item of resident.eligible) item.itemName = names.get(item.itemCode) ?? item.itemCode
  return found
}

/**
 * The worker's list: with `eligibleOnly`, residents with something to apply for and not snoozed by a recent visit,
 * the most urgent first (whoever has waited longest for a benefit they qualify for).
 */
export async function residentList(
  deps: AuthDeps,
  principal: Principal,
  query: { eligibleOnly: boolean; limit: number; offset: number },
  ip: string,
): Promise<ResidentList> {
  const gridId = principal.gridId
  if (!gridId) throw new AppError(403, 'NO_GRID')
  const grid = await repo.findGrid(deps.db, gridId)
  if (!grid) throw new AppError(403, 'NO_GRID')
  const today = shanghaiTime(deps.clock.now()).date
  let residents = await summaries(deps, await repo.residentsOfGrid(deps.db, gridId), today)
  if (query.eligibleOnly) {
    residents = residents
      .filter((resident) => resident.eligible.length > 0 && resident.snoozedUntil === null)
      .sort((a, b) => a.eligible[0].daysUntil - b.eligible[0].daysUntil || a.name.localeCompare(b.name, 'zh'))
  }
  const page = residents.slice(query.offset, query.offset + query.limit)
  await recordAudit(deps.db, deps.clock.now(), [
    { actor: principal, action: 'resident.list', subjectId: null, ip, detail: `${gridId}: ${page.length} shown` },
  ])
  return { gridId, gridName: grid.name, total: residents.length, residents: page }
}

export async function residentDetail(deps: AuthDeps, principal: Principal, id: string, ip: string): Promise<ResidentDetail> {
  const row = await repo.residentInGrid(deps.db, id, gridScope(principal))
  if (!row) throw residentNotFound()
  const today = shanghaiTime(deps.clock.now()).date
  const [summary] = await summaries(deps, [row], today)
  const [visits, applicationRows] = await Promise.all([
    repo.visitsOf(deps.db, row.id),
    repo.applicationsForIdHash(deps.db, row.id_number_hash),
  ])
  const { cipher } = deps.auth
  await recordAudit(deps.db, deps.clock.now(), [{ actor: principal, action: 'resident.read', subjectId: row.id, ip }])
  return {
    ...summary,
    birthDate: row.birth_date,
    idNumberMasked: maskIdNumber(cipher.open('idNumber', row.id_number_enc)),
    phone: cipher.openOrNull('phone', row.phone_enc),
    address: cipher.open('address', row.address_enc),
    lat: row.lat === null ? null : Number(row.lat),
    lng: row.lng === null ? null : Number(row.lng),
    tags: JSON.parse(row.tags) as ResidentTag[],
    visits: visits.map((visit) => ({
      id: visit.id,
      at: visit.at,
      outcome: visit.outcome as VisitOutcome,
      itemCode: visit.item_code,
      note: visit.note,
      workerName: visit.worker_name,
    })),
    applications: await applicationSummaries(deps, applicationRows, principal.userId, () => false),
  }
}

/** The register's data in full, to prefill an application at the door; audited as its own read. */
export async function residentApplicant(deps: AuthDeps, principal: Principal, id: string, ip: string): Promise<ResidentApplicant> {
  const row = await repo.residentInGrid(deps.db, id, gridScope(principal))
  if (!row) throw residentNotFound()
  const { cipher } = deps.auth
  await recordAudit(deps.db, deps.clock.now(), [{ actor: principal, action: 'resident.prefill', subjectId: row.id, ip }])
  return {
    name: row.name,
    idNumber: cipher.open('idNumber', row.id_number_enc),
    phone: cipher.openOrNull('phone', row.phone_enc),
    address: cipher.open('address', row.address_enc),
  }
}

export async function recordVisit(deps: AuthDeps, principal: Principal, body: VisitBody, ip: string): Promise<VisitResult> {
  const row = await repo.residentInGrid(deps.db, body.residentId, gridScope(principal))
  if (!row) throw residentNotFound()
  const now = deps.clock.now()
  const until = snoozedUntil(body.outcome, shanghaiTime(now).date)
  const visit: repo.VisitRow = {
    id: newId(),
    resident_id: row.id,
    worker_id: principal.userId,
    at: now.toISOString(),
    outcome: body.outcome,
    item_code: body.itemCode ?? null,
    note: body.note?.trim() || null,
  }
  await repo.insertVisit(deps.db, visit, until, now.toISOString())
  await recordAudit(deps.db, now, [{ actor: principal, action: 'resident.visit', subjectId: row.id, ip, detail: body.outcome }])
  return {
    visit: { id: visit.id, at: visit.at, outcome: body.outcome, itemCode: visit.item_code, note: visit.note, workerName: principal.name },
    snoozedUntil: until,
  }
}

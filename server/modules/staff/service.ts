import type { CitizenRecord } from '../../../src/domain/contract'
import { checkIdNumber, idNumberIssue } from '../../../src/domain/identity'
import { shanghaiTime } from '../../../src/domain/clockTime'
import { AppError, validationFailed } from '../../errors'
import { recordAudit } from '../../audit'
import type { Principal } from '../../http/access'
import type { AuthDeps } from '../auth/sessions'
import type { UserRow } from '../auth/repo'
import * as repo from './repo'

function toCitizenRecord(row: UserRow, deps: AuthDeps): CitizenRecord {
  const { cipher } = deps.auth
  return {
    id: row.id,
    name: row.name,
    phone: cipher.openOrNull('phone', row.phone_enc),
    idNumber: cipher.openOrNull('idNumber', row.id_number_enc),
    address: cipher.openOrNull('address', row.address_enc),
    createdAt: row.created_at,
  }
}

/** Window staff find the citizen in front of them by phone or ID number; the search and every hit are audited. */
export async function findCitizens(
  deps: AuthDeps,
  actor: Principal,
  query: { phone?: string; idNumber?: string },
  ip: string,
): Promise<CitizenRecord[]> {
  const { cipher } = deps.auth
  let rows: UserRow[]
  let how: string
  if (query.phone) {
    rows = await repo.citizensWithHash(deps.db, 'phone_hash', cipher.lookupHash('phone', query.phone))
    how = 'lookup by phone'
  } else if (query.idNumber) {
    const check = checkIdNumber(query.idNumber, shanghaiTime(deps.clock.now()).date)
    if (!check.ok) {
      throw new AppError(400, 'INVALID_ID_NUMBER', { fields: [{ field: 'query.idNumber', issue: idNumberIssue[check.problem] }] })
    }
    rows = await repo.citizensWithHash(deps.db, 'id_number_hash', cipher.lookupHash('idNumber', check.idNumber))
    how = 'lookup by ID number'
  } else {
    throw validationFailed([{ field: 'query.phone', issue: 'give phone or idNumber' }])
  }
  await recordAudit(deps.db, deps.clock.now(), [
    { actor, action: 'citizen.search', subjectId: null, ip, detail: `${how}: ${rows.length} found` },
    ...rows.map((row) => ({ actor, action: 'citizen.read', subjectId: row.id, ip, detail: how })),
  ])
  return rows.map((row) => toCitizenRecord(row, deps))
}

export async function citizenRecord(deps: AuthDeps, actor: Principal, id: string, ip: string): Promise<CitizenRecord> {
  const row = await repo.findCitizen(deps.db, id)
  if (!row) throw new AppError(404, 'USER_NOT_FOUND')
  await recordAudit(deps.db, deps.clock.now(), [{ actor, action: 'citizen.read', subjectId: row.id, ip }])
  return toCitizenRecord(row, deps)
}

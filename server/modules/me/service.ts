import type { DeviceSession, Profile, ProfileUpdate } from '../../../src/domain/contract'
import { checkIdNumber, idNumberIssue, maskIdNumber } from '../../../src/domain/identity'
import { shanghaiTime } from '../../../src/domain/clockTime'
import { AppError } from '../../errors'
import type { Principal } from '../../http/access'
import type { AuthDeps } from '../auth/sessions'
import * as repo from '../auth/repo'
import { describeUser } from '../auth/userView'
import { forgetPerson } from '../notify/consentRepo'

export async function profile(deps: AuthDeps, principal: Principal): Promise<Profile> {
  const row = await repo.findUserById(deps.db, principal.userId)
  if (!row) throw new AppError(401, 'TOKEN_INVALID')
  const { cipher } = deps.auth
  const idNumber = cipher.openOrNull('idNumber', row.id_number_enc)
  return {
    user: await describeUser(deps.db, row, cipher),
    phone: cipher.openOrNull('phone', row.phone_enc),
    idNumber,
    idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
    address: cipher.openOrNull('address', row.address_enc),
    createdAt: row.created_at,
  }
}

export async function updateProfile(deps: AuthDeps, principal: Principal, update: ProfileUpdate): Promise<Profile> {
  const row = await repo.findUserById(deps.db, principal.userId)
  if (!row) throw new AppError(401, 'TOKEN_INVALID')
  const now = deps.clock.now()
  const fields: Parameters<typeof repo.updateUser>[2] = {}
  if (update.name !== undefined) fields.name = update.name.trim()
  if (update.address !== undefined) fields.address_enc = deps.auth.cipher.seal('address', update.address.trim())
  if (update.idNumber !== undefined) {
    const check = checkIdNumber(update.idNumber, shanghaiTime(now).date)
    if (!check.ok) {
      throw new AppError(400, 'INVALID_ID_NUMBER', { fields: [{ field: 'body.idNumber', issue: idNumberIssue[check.problem] }] })
    }
    // An ID number is sensitive personal information: it needs its own consent (PIPL Art. 29), not the general one.
    if (update.sensitiveConsent !== true && !row.sensitive_consent_at) {
      throw new AppError(400, 'CONSENT_REQUIRED', { fields: [{ field: 'body.sensitiveConsent', issue: 'must be true' }] })
    }
    fields.id_number_enc = deps.auth.cipher.seal('idNumber', check.idNumber)
    fields.id_number_hash = deps.auth.cipher.lookupHash('idNumber', check.idNumber)
    fields.sensitive_consent_at = row.sensitive_consent_at ?? now.toISOString()
  }
  if (Object.keys(fields).length > 0) await repo.updateUser(deps.db, principal.userId, fields)
  return profile(deps, principal)
}

/**
 * Closes a citizen's account (PIPL Art. 47): every device is signed out and the personal data is erased; the row
 * stays, anonymous, so records that point at it (appointments, applications) keep their history.
 */
export async function deleteAccount(deps: AuthDeps, principal: Principal): Promise<void> {
  const now = deps.clock.now()
  await deps.db.transaction().execute(async (trx) => {
    await repo.revokeAllSessions(trx, principal.userId, 'account_closed', now)
    await repo.updateUser(trx, principal.userId, {
      disabled: 1,
      name: null,
      openid: null,
      phone_enc: null,
      phone_hash: null,
      id_number_enc: null,
      id_number_hash: null,
      address_enc: null,
      sensitive_consent_at: null,
    })
    await forgetPerson(trx, principal.userId, now.toISOString())
  })
}

export async function deviceSessions(deps: AuthDeps, principal: Principal): Promise<DeviceSession[]> {
  const rows = await repo.listActiveSessions(deps.db, principal.userId)
  return rows.map((row) => ({
    id: row.id,
    client: row.client,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    current: row.id === principal.sessionId,
  }))
}

/** Signs one of my devices out; another person's session is "not found", so session ids cannot be probed. */
export async function endDeviceSession(deps: AuthDeps, principal: Principal, sessionId: string): Promise<void> {
  const own = await repo.findOwnSession(deps.db, principal.userId, sessionId)
  if (!own) throw new AppError(404, 'SESSION_NOT_FOUND')
  await repo.revokeSession(deps.db, sessionId, 'signed_out_elsewhere', deps.clock.now())
}

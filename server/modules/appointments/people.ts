import type { Kysely } from 'kysely'
import { NO_SHOW_WINDOW_DAYS, SUSPENSION_DAYS, shanghaiIso, suspendedUntil } from '../../../src/domain/appointments'
import { shanghaiTime } from '../../../src/domain/clockTime'
import { checkIdNumber, idNumberIssue, maskIdNumber, maskPhone, normalizeMobile } from '../../../src/domain/identity'
import type { Database } from '../../db/schema'
import { AppError } from '../../errors'
import type { AuthDeps } from '../auth/sessions'
import type { CheckInTickets } from './checkInTickets'
import * as repo from './repo'
import type { MaskedPerson } from './view'

export interface AppointmentDeps extends AuthDeps {
  tickets: CheckInTickets | null
}

const DAY_MS = 24 * 60 * 60 * 1000

export interface CheckedPerson {
  name: string
  masked: MaskedPerson
  /** Columns as stored: phone and ID number sealed, with their lookup hashes. */
  sealed: { name: string; phone_enc: string; phone_hash: string; id_number_enc: string; id_number_hash: string }
}

/** The person booked for: ID number by the shared validator, a mainland mobile, both sealed for storage. */
export function checkedPerson(deps: AuthDeps, body: { name: string; phone: string; idNumber: string }, now: Date): CheckedPerson {
  const idCheck = checkIdNumber(body.idNumber, shanghaiTime(now).date)
  if (!idCheck.ok) {
    throw new AppError(400, 'INVALID_ID_NUMBER', { fields: [{ field: 'body.idNumber', issue: idNumberIssue[idCheck.problem] }] })
  }
  const phone = normalizeMobile(body.phone)
  if (!phone) throw new AppError(400, 'INVALID_PHONE', { fields: [{ field: 'body.phone', issue: 'not a mainland mobile number' }] })
  const name = body.name.trim()
  if (!name) throw new AppError(400, 'VALIDATION_FAILED', { fields: [{ field: 'body.name', issue: 'must not be blank' }] })
  const { cipher } = deps.auth
  return {
    name,
    masked: { phoneMasked: maskPhone(phone), idNumberMasked: maskIdNumber(idCheck.idNumber) },
    sealed: {
      name,
      phone_enc: cipher.seal('phone', phone),
      phone_hash: cipher.lookupHash('phone', phone),
      id_number_enc: cipher.seal('idNumber', idCheck.idNumber),
      id_number_hash: cipher.lookupHash('idNumber', idCheck.idNumber),
    },
  }
}

/** No-shows older than this can no longer suspend anyone (30 days to collect 3, then 7 days of suspension). */
export function noShowsRelevantSince(now: Date): string {
  return new Date(now.getTime() - (NO_SHOW_WINDOW_DAYS + SUSPENSION_DAYS) * DAY_MS).toISOString()
}

/** 3 no-shows within 30 days pause online booking for 7 days; the answer says until when. */
export async function ensureNotSuspended(db: Kysely<Database>, userId: string, now: Date): Promise<void> {
  const until = suspendedUntil(await repo.noShowTimes(db, userId, noShowsRelevantSince(now)), now)
  if (until) throw new AppError(403, 'BOOKING_SUSPENDED', { until: shanghaiIso(until) })
}

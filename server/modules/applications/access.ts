import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { Principal } from '../../http/access'
import type { ApplicationRow } from './repo'
import { userPhoneHash } from './repo'

/** Who the caller is to applications: their id and the lookup hash of their account's phone (null without one). */
export interface Caller {
  principal: Principal
  phoneHash: string | null
}

export async function callerOf(db: Kysely<Database>, principal: Principal): Promise<Caller> {
  const user = await userPhoneHash(db, principal.userId)
  return { principal, phoneHash: user?.phone_hash ?? null }
}

/** The applicant (matched by phone) and whoever submitted it (the citizen, or the grid worker on their behalf). */
export function canFollow(row: ApplicationRow, caller: Caller): boolean {
  if (row.submitted_by === caller.principal.userId) return true
  return caller.phoneHash !== null && row.applicant_phone_hash === caller.phoneHash
}

/** 好差评 comes from the person served: a citizen who is the applicant or applied themselves, never a grid worker. */
export function isPersonServed(row: ApplicationRow, caller: Caller): boolean {
  return caller.principal.role === 'citizen' && canFollow(row, caller)
}

import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { StaffRole } from '../../src/domain/roles'
import { hashPassword, MIN_PASSWORD_LENGTH } from '../security/passwords'
import { findUserByUsername, insertStaffUser, type UserRow } from '../modules/auth/repo'

export class StaffUserError extends Error {}

export interface NewStaffUser {
  role: StaffRole
  username: string
  name: string | null
  gridId: string | null
  hallId: string | null
  password: string
}

/** Checks what an operator typed against the database before anything is written. */
export async function addStaffUser(db: Kysely<Database>, input: NewStaffUser, now: Date): Promise<UserRow> {
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/i.test(input.username)) {
    throw new StaffUserError('username: 2-64 letters, digits, ".", "_" or "-"')
  }
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new StaffUserError(`password: at least ${MIN_PASSWORD_LENGTH} characters`)
  }
  if (await findUserByUsername(db, input.username)) throw new StaffUserError(`username "${input.username}" is taken`)
  if (input.role === 'grid_worker') {
    if (!input.gridId) throw new StaffUserError('a grid worker needs --grid (the id of their community grid)')
    const grid = await db.selectFrom('grids').select('id').where('id', '=', input.gridId).executeTakeFirst()
    if (!grid) throw new StaffUserError(`no grid "${input.gridId}" (npm run seed imports the grids)`)
  } else if (input.gridId) {
    throw new StaffUserError('--grid is only for grid workers')
  }
  if (input.role === 'window_staff') {
    if (!input.hallId) throw new StaffUserError('window staff need --hall (the id of their hall)')
    const hall = await db.selectFrom('halls').select('id').where('id', '=', input.hallId).executeTakeFirst()
    if (!hall) throw new StaffUserError(`no hall "${input.hallId}"`)
  } else if (input.hallId) {
    throw new StaffUserError('--hall is only for window staff')
  }
  return insertStaffUser(
    db,
    {
      role: input.role,
      username: input.username,
      name: input.name,
      password_hash: await hashPassword(input.password),
      grid_id: input.gridId,
      hall_id: input.hallId,
    },
    now,
  )
}

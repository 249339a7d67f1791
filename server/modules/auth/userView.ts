import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { User } from '../../../src/domain/contract'
import type { Role } from '../../../src/domain/roles'
import { maskPhone } from '../../../src/domain/identity'
import type { PersonalDataCipher } from '../../security/personalData'
import type { UserRow } from './repo'

/**
 * A user as responses show them to anyone but the owner: the phone masked, and staff's grid and hall by name as
 * well as by id (read at sign-in and on 我的, not on every request).
 */
export async function describeUser(db: Kysely<Database>, row: UserRow, cipher: PersonalDataCipher): Promise<User> {
  const phone = cipher.openOrNull('phone', row.phone_enc)
  const [grid, hall] = await Promise.all([
    row.grid_id ? db.selectFrom('grids').select('name').where('id', '=', row.grid_id).executeTakeFirst() : undefined,
    row.hall_id ? db.selectFrom('halls').select('name').where('id', '=', row.hall_id).executeTakeFirst() : undefined,
  ])
  return {
    id: row.id,
    role: row.role as Role,
    name: row.name,
    phoneMasked: phone ? maskPhone(phone) : null,
    username: row.username,
    gridId: row.grid_id,
    gridName: grid?.name ?? null,
    hallId: row.hall_id,
    hallName: hall?.name ?? null,
  }
}

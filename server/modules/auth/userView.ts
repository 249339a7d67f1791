import type { User } from '../../../src/domain/contract'
import type { Role } from '../../../src/domain/roles'
import { maskPhone } from '../../../src/domain/identity'
import type { PersonalDataCipher } from '../../security/personalData'
import type { UserRow } from './repo'

/** A user as responses show them to anyone but the owner: the phone masked. */
export function toUser(row: UserRow, cipher: PersonalDataCipher): User {
  const phone = cipher.openOrNull('phone', row.phone_enc)
  return {
    id: row.id,
    role: row.role as Role,
    name: row.name,
    phoneMasked: phone ? maskPhone(phone) : null,
    username: row.username,
    gridId: row.grid_id,
    hallId: row.hall_id,
  }
}

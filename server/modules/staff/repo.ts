import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { UserRow } from '../auth/repo'

function activeCitizens(db: Kysely<Database>) {
  return db.selectFrom('users').selectAll().where('role', '=', 'citizen').where('disabled', '=', 0)
}

/** Citizens whose phone or ID number has this keyed hash (the values themselves are only stored encrypted). */
export function citizensWithHash(db: Kysely<Database>, column: 'phone_hash' | 'id_number_hash', hash: string): Promise<UserRow[]> {
  return activeCitizens(db).where(column, '=', hash).execute()
}

export function findCitizen(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return activeCitizens(db).where('id', '=', id).executeTakeFirst()
}

// Who an outbox row is for, as far as the channels need to know.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { PersonalDataCipher } from '../../security/personalData'
import type { Recipient } from './types'

export interface RecipientRow {
  user_id: string | null
  /** Sealed as the 'phone' personal field, like users.phone_enc. */
  phone_enc: string | null
}

/**
 * The account's openid and phone; a number stored on the row itself (a resident a grid worker submitted for) is
 * used when the account has none. A closed (disabled) account is reached by nothing but that row number.
 */
export async function loadRecipient(db: Kysely<Database>, cipher: PersonalDataCipher, row: RecipientRow): Promise<Recipient> {
  const rowPhone = cipher.openOrNull('phone', row.phone_enc)
  if (!row.user_id) return { userId: null, openid: null, phone: rowPhone }
  const user = await db.selectFrom('users').select(['openid', 'phone_enc', 'disabled']).where('id', '=', row.user_id).executeTakeFirst()
  // userId null: a closed account's push subscriptions and grants no longer reach anyone.
  if (!user || user.disabled) return { userId: null, openid: null, phone: rowPhone }
  return { userId: row.user_id, openid: user.openid, phone: cipher.openOrNull('phone', user.phone_enc) ?? rowPhone }
}

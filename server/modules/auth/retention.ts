import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Deletes sign-in records nobody needs any more (data minimization, PIPL Art. 19): SMS codes after two days (the
 * daily send limit only looks at today), refresh tokens once expired, and sessions idle longer than any refresh
 * token lives. The audit log is kept: it is the record of who saw what.
 */
export async function purgeExpiredSignInData(db: Kysely<Database>, now: Date): Promise<{ smsCodes: number; refreshTokens: number; sessions: number }> {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString()
  const smsCodes = await db.deleteFrom('sms_codes').where('created_at', '<', before(2)).executeTakeFirst()
  const refreshTokens = await db.deleteFrom('refresh_tokens').where('expires_at', '<', now.toISOString()).executeTakeFirst()
  const sessions = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('last_used_at', '<', before(31)), eb('revoked_at', '<', before(31))]))
    .executeTakeFirst()
  return {
    smsCodes: Number(smsCodes.numDeletedRows),
    refreshTokens: Number(refreshTokens.numDeletedRows),
    sessions: Number(sessions.numDeletedRows),
  }
}

import crypto from 'node:crypto'
import type { Kysely, Selectable } from 'kysely'
import type { Database, UsersTable } from '../../db/schema'

export type UserRow = Selectable<UsersTable>

export const newId = () => crypto.randomUUID()

const iso = (date: Date) => date.toISOString()

export function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findUserByUsername(db: Kysely<Database>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst()
}

/**
 * Finds the citizen with this unique key (phone hash or openid), creating them if new. Two first sign-ins racing
 * each other both end with the same row: the loser's insert does nothing and it reads the winner's.
 */
export async function findOrCreateCitizen(
  db: Kysely<Database>,
  key: { column: 'phone_hash' | 'openid'; value: string },
  fields: Partial<Pick<UserRow, 'phone_enc' | 'phone_hash' | 'openid'>>,
  now: Date,
): Promise<UserRow> {
  const existing = await db.selectFrom('users').selectAll().where(key.column, '=', key.value).executeTakeFirst()
  if (existing) return existing
  await db
    .insertInto('users')
    .values({ id: newId(), role: 'citizen', created_at: iso(now), ...fields, [key.column]: key.value })
    .onConflict((oc) => oc.column(key.column).doNothing())
    .execute()
  return db.selectFrom('users').selectAll().where(key.column, '=', key.value).executeTakeFirstOrThrow()
}

export async function insertStaffUser(
  db: Kysely<Database>,
  user: Pick<UserRow, 'role' | 'username' | 'name' | 'password_hash' | 'grid_id' | 'hall_id'>,
  now: Date,
): Promise<UserRow> {
  const id = newId()
  await db.insertInto('users').values({ id, created_at: iso(now), ...user }).execute()
  return (await findUserById(db, id))!
}

export async function updateUser(
  db: Kysely<Database>,
  id: string,
  fields: Partial<Omit<UserRow, 'id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('users').set(fields).where('id', '=', id).execute()
}

/** Records a wrong password; returns the failures so far (after this one). */
export async function recordFailedLogin(db: Kysely<Database>, id: string): Promise<number> {
  await db.updateTable('users').set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) })).where('id', '=', id).execute()
  const row = await db.selectFrom('users').select('failed_logins').where('id', '=', id).executeTakeFirstOrThrow()
  return row.failed_logins
}

// Sessions (one per signed-in device) and their refresh tokens.

export interface ActiveSession {
  id: string
  user_id: string
  last_used_at: string
  role: string
  name: string | null
  grid_id: string | null
  hall_id: string | null
}

export function findActiveSession(db: Kysely<Database>, sessionId: string): Promise<ActiveSession | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id', 'sessions.user_id', 'sessions.last_used_at', 'users.role', 'users.name', 'users.grid_id', 'users.hall_id'])
    .where('sessions.id', '=', sessionId)
    .where('sessions.revoked_at', 'is', null)
    .where('users.disabled', '=', 0)
    .executeTakeFirst()
}

export async function touchSession(db: Kysely<Database>, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_used_at: iso(now) }).where('id', '=', sessionId).execute()
}

export async function createSession(
  db: Kysely<Database>,
  session: { userId: string; client: string; refreshHash: string; refreshExpiresAt: Date },
  now: Date,
): Promise<string> {
  const id = newId()
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sessions')
      .values({ id, user_id: session.userId, client: session.client, created_at: iso(now), last_used_at: iso(now) })
      .execute()
    await trx
      .insertInto('refresh_tokens')
      .values({ token_hash: session.refreshHash, session_id: id, created_at: iso(now), expires_at: iso(session.refreshExpiresAt) })
      .execute()
  })
  return id
}

export function findRefreshToken(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('refresh_tokens')
    .innerJoin('sessions', 'sessions.id', 'refresh_tokens.session_id')
    .select([
      'refresh_tokens.token_hash',
      'refresh_tokens.expires_at',
      'refresh_tokens.rotated_at',
      'sessions.id as session_id',
      'sessions.user_id',
      'sessions.client',
      'sessions.revoked_at',
    ])
    .where('refresh_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst()
}

/**
 * Marks a refresh token used and stores its successor, atomically: of two requests presenting the same token,
 * exactly one gets `true`; the other is a reuse.
 */
export async function rotateRefreshToken(
  db: Kysely<Database>,
  old: { hash: string; sessionId: string },
  next: { hash: string; expiresAt: Date },
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('refresh_tokens')
      .set({ rotated_at: iso(now) })
      .where('token_hash', '=', old.hash)
      .where('rotated_at', 'is', null)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) !== 1) return false
    await trx
      .insertInto('refresh_tokens')
      .values({ token_hash: next.hash, session_id: old.sessionId, created_at: iso(now), expires_at: iso(next.expiresAt) })
      .execute()
    await trx.updateTable('sessions').set({ last_used_at: iso(now) }).where('id', '=', old.sessionId).execute()
    return true
  })
}

export async function revokeSession(db: Kysely<Database>, sessionId: string, reason: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: iso(now), revoked_reason: reason })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function revokeAllSessions(db: Kysely<Database>, userId: string, reason: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: iso(now), revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute()
}

export function listActiveSessions(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'client', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('last_used_at', 'desc')
    .execute()
}

export function findOwnSession(db: Kysely<Database>, userId: string, sessionId: string) {
  return db
    .selectFrom('sessions')
    .select(['id'])
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
}

// SMS codes.

export function latestSmsCode(db: Kysely<Database>, phoneHash: string) {
  return db
    .selectFrom('sms_codes')
    .selectAll()
    .where('phone_hash', '=', phoneHash)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function countSmsCodesSince(db: Kysely<Database>, phoneHash: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('sms_codes')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('phone_hash', '=', phoneHash)
    .where('created_at', '>=', iso(since))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/** A new code replaces any earlier one still open for this phone: only the latest text message works. */
export async function insertSmsCode(
  db: Kysely<Database>,
  code: { id: string; phoneHash: string; codeHash: string; expiresAt: Date },
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sms_codes')
      .set({ consumed_at: iso(now) })
      .where('phone_hash', '=', code.phoneHash)
      .where('consumed_at', 'is', null)
      .execute()
    await trx
      .insertInto('sms_codes')
      .values({ id: code.id, phone_hash: code.phoneHash, code_hash: code.codeHash, created_at: iso(now), expires_at: iso(code.expiresAt) })
      .execute()
  })
}

export async function deleteSmsCode(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sms_codes').where('id', '=', id).execute()
}

/** Counts one try against a code; false when the code is used up or has had its tries. */
export async function countSmsAttempt(db: Kysely<Database>, id: string, maxAttempts: number): Promise<boolean> {
  const result = await db
    .updateTable('sms_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('attempts', '<', maxAttempts)
    .where('consumed_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Uses the code up; false when a concurrent request already did. */
export async function consumeSmsCode(db: Kysely<Database>, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('sms_codes')
    .set({ consumed_at: iso(now) })
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely, Transaction } from 'kysely'
import type { Database, IdempotencyKeysTable } from '../db/schema'
import { isUniqueViolation } from '../db/errors'
import { PreparedQuery } from '../db/preparedQuery'
import { AppError, validationFailed } from '../errors'
import { principalOf } from './access'

export const IDEMPOTENCY_HEADER = 'idempotency-key'
const KEEP_MS = 24 * 60 * 60 * 1000
// 1–64 visible ASCII characters (API.md); UUIDs and the client's own draft ids fit.
const KEY_PATTERN = /^[\x21-\x7e]{1,64}$/

export interface IdempotentResult<T> {
  status: number
  body: T
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean
}

// Every keyed creating request runs these three: compiled once (bookings are a hot path).
const findKey = new PreparedQuery<{ ownerId: string; key: string }, IdempotencyKeysTable>((db, param) =>
  db.selectFrom('idempotency_keys').selectAll().where('owner_id', '=', param('ownerId')).where('key', '=', param('key')),
)
const insertKey = new PreparedQuery<Omit<IdempotencyKeysTable, 'status' | 'body'>, never>((db, param) =>
  db.insertInto('idempotency_keys').values({
    owner_id: param('owner_id'), key: param('key'), scope: param('scope'), request_hash: param('request_hash'),
    status: 0, body: '', created_at: param('created_at'),
  }),
)
const storeAnswer = new PreparedQuery<{ ownerId: string; key: string; status: number; body: string }, never>((db, param) =>
  db
    .updateTable('idempotency_keys')
    .set({ status: param('status'), body: param('body') })
    .where('owner_id', '=', param('ownerId'))
    .where('key', '=', param('key')),
)

/** The request's Idempotency-Key, validated; null when it sent none. */
export function idempotencyKeyOf(request: FastifyRequest): string | null {
  const header = request.headers[IDEMPOTENCY_HEADER]
  if (header === undefined) return null
  const key = Array.isArray(header) ? header[0] : header
  if (!KEY_PATTERN.test(key)) {
    throw validationFailed([{ field: 'headers.idempotency-key', issue: 'must be 1 to 64 visible ASCII characters' }])
  }
  return key
}

function requestHash(request: FastifyRequest): string {
  return createHash('sha256').update(JSON.stringify(request.body ?? null)).digest('base64url')
}

function replay<T>(row: IdempotencyKeysTable, scope: string, hash: string): IdempotentResult<T> {
  if (row.scope !== scope || row.request_hash !== hash) throw new AppError(409, 'IDEMPOTENCY_KEY_REUSED')
  return { status: row.status, body: JSON.parse(row.body) as T, replayed: true }
}

/**
 * Runs a creating request at most once per user and Idempotency-Key. `create` runs in one transaction together with
 * the row that remembers its answer, so either both are written or neither is: a failed attempt leaves nothing and a
 * retry runs again. Two requests racing with one key: the second waits on the first's row (PostgreSQL) or runs after
 * it (SQLite's single writer), hits the key's primary key, and answers with the first one's stored answer.
 */
export async function runIdempotent<T>(
  db: Kysely<Database>,
  request: FastifyRequest,
  create: (trx: Transaction<Database>) => Promise<{ status: number; body: T }>,
): Promise<IdempotentResult<T>> {
  const key = idempotencyKeyOf(request)
  if (key === null) return { ...(await db.transaction().execute(create)), replayed: false }

  const ownerId = principalOf(request).userId
  const scope = `${request.method} ${request.url}`
  const hash = requestHash(request)
  const now = request.server.clock.now()
  const findRow = async () => (await findKey.rows(db, { ownerId, key }))[0]

  const earlier = await findRow()
  if (earlier && Date.parse(earlier.created_at) > now.getTime() - KEEP_MS) return replay<T>(earlier, scope, hash)
  if (earlier) {
    await db.deleteFrom('idempotency_keys').where('owner_id', '=', ownerId).where('key', '=', key).where('created_at', '=', earlier.created_at).execute()
  }

  try {
    const answer = await db.transaction().execute(async (trx) => {
      await insertKey.execute(trx, { owner_id: ownerId, key, scope, request_hash: hash, created_at: now.toISOString() })
      const result = await create(trx)
      await storeAnswer.execute(trx, { ownerId, key, status: result.status, body: JSON.stringify(result.body) })
      return result
    })
    return { ...answer, replayed: false }
  } catch (error) {
    // The unique violation may be the key's (a racing twin committed first) or one of `create`'s own; only a
    // committed row with this key tells them apart.
    if (!isUniqueViolation(error)) throw error
    const twin = await findRow()
    if (!twin) throw error
    return replay<T>(twin, scope, hash)
  }
}

/** Sends the status of a (possibly replayed) answer; returns the body for the handler to return. */
export function sendIdempotent<T>(reply: FastifyReply, result: IdempotentResult<T>): T {
  reply.code(result.status)
  if (result.replayed) reply.header('Idempotent-Replayed', 'true')
  return result.body
}

export async function purgeExpiredIdempotencyKeys(db: Kysely<Database>, now: Date): Promise<number> {
  const deleted = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', new Date(now.getTime() - KEEP_MS).toISOString())
    .executeTakeFirst()
  return Number(deleted.numDeletedRows)
}

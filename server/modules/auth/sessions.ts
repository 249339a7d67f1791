import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { Clock } from '../../clock'
import type { Session } from '../../../src/domain/contract'
import type { Role } from '../../../src/domain/roles'
import { AppError } from '../../errors'
import { hashRefreshToken, newRefreshToken, signAccessToken } from '../../security/accessTokens'
import type { AuthSettings } from './settings'
import * as repo from './repo'
import { describeUser } from './userView'

export interface AuthDeps {
  db: Kysely<Database>
  clock: Clock
  auth: AuthSettings
}

export type ClientKind = 'weapp' | 'h5' | 'staff' | 'dev'

const DAY_MS = 24 * 60 * 60 * 1000
// Citizens stay signed in on their own phone for a month; staff devices are shared, so a working day.
const REFRESH_LIFETIME_MS: Record<'citizen' | 'staff', number> = { citizen: 30 * DAY_MS, staff: 12 * 60 * 60 * 1000 }

function refreshLifetime(role: Role): number {
  return role === 'citizen' ? REFRESH_LIFETIME_MS.citizen : REFRESH_LIFETIME_MS.staff
}

function accessToken(deps: AuthDeps, user: repo.UserRow, sessionId: string, now: Date): string {
  return signAccessToken(deps.auth.keys.tokens, { sub: user.id, role: user.role as Role, sid: sessionId }, now, deps.auth.accessTokenTtlS)
}

/** Signs a user in on one device: a new session with its first refresh token. */
export async function startSession(deps: AuthDeps, user: repo.UserRow, client: ClientKind): Promise<Session> {
  const now = deps.clock.now()
  const refresh = newRefreshToken()
  const sessionId = await repo.createSession(
    deps.db,
    { userId: user.id, client, refreshHash: refresh.hash, refreshExpiresAt: new Date(now.getTime() + refreshLifetime(user.role as Role)) },
    now,
  )
  return {
    accessToken: accessToken(deps, user, sessionId, now),
    refreshToken: refresh.token,
    expiresIn: deps.auth.accessTokenTtlS,
    user: await describeUser(deps.db, user, deps.auth.cipher),
  }
}

/**
 * Trades a refresh token for a new pair. A token is good once: presenting one that was already traded means it
 * was copied, so the whole session (every token descended from the same sign-in) is revoked.
 */
export async function refreshSession(deps: AuthDeps, refreshToken: string, log: { warn(obj: object, msg: string): void }): Promise<Session> {
  const now = deps.clock.now()
  const presented = await repo.findRefreshToken(deps.db, hashRefreshToken(refreshToken))
  if (!presented || presented.revoked_at) throw new AppError(401, 'TOKEN_INVALID')
  const reuse = async () => {
    await repo.revokeSession(deps.db, presented.session_id, 'refresh_reuse', now)
    log.warn({ sessionId: presented.session_id }, 'refresh token reused: session revoked')
    return new AppError(401, 'TOKEN_INVALID')
  }
  if (presented.rotated_at) throw await reuse()
  if (presented.expires_at <= now.toISOString()) throw new AppError(401, 'TOKEN_EXPIRED')
  const user = await repo.findUserById(deps.db, presented.user_id)
  if (!user || user.disabled) throw new AppError(401, 'TOKEN_INVALID')

  const next = newRefreshToken()
  const rotated = await repo.rotateRefreshToken(
    deps.db,
    { hash: presented.token_hash, sessionId: presented.session_id },
    { hash: next.hash, expiresAt: new Date(now.getTime() + refreshLifetime(user.role as Role)) },
    now,
  )
  if (!rotated) throw await reuse()
  return {
    accessToken: accessToken(deps, user, presented.session_id, now),
    refreshToken: next.token,
    expiresIn: deps.auth.accessTokenTtlS,
    user: await describeUser(deps.db, user, deps.auth.cipher),
  }
}

import crypto from 'node:crypto'
import type { Role } from '../../src/domain/roles'

/** What an access token says: who, in which role, on which signed-in device (session). */
export interface AccessClaims {
  sub: string
  role: Role
  sid: string
  iat: number
  exp: number
}

export class AccessTokenError extends Error {
  constructor(readonly reason: 'expired' | 'invalid') {
    super(`access token ${reason}`)
  }
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url')
const ISSUER = 'banshi'

function signature(key: Buffer, signingInput: string): string {
  return crypto.createHmac('sha256', key).update(signingInput).digest('base64url')
}

/** A compact JWT (HS256). Short-lived; the session it names is checked on every request, so logout is immediate. */
export function signAccessToken(key: Buffer, claims: Omit<AccessClaims, 'iat' | 'exp'>, now: Date, ttlS: number): string {
  const iat = Math.floor(now.getTime() / 1000)
  const payload = Buffer.from(JSON.stringify({ iss: ISSUER, ...claims, iat, exp: iat + ttlS })).toString('base64url')
  const signingInput = `${HEADER}.${payload}`
  return `${signingInput}.${signature(key, signingInput)}`
}

export function verifyAccessToken(key: Buffer, token: string, now: Date): AccessClaims {
  const parts = token.split('.')
  // Only our own header is accepted: no "alg: none", no algorithm chosen by the token.
  if (parts.length !== 3 || parts[0] !== HEADER) throw new AccessTokenError('invalid')
  const expected = Buffer.from(signature(key, `${parts[0]}.${parts[1]}`))
  const actual = Buffer.from(parts[2])
  if (actual.length !== expected.length || !crypto.timingSafeEqual(actual, expected)) throw new AccessTokenError('invalid')
  let claims: Partial<AccessClaims> & { iss?: string }
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
  } catch {
    throw new AccessTokenError('invalid')
  }
  if (claims.iss !== ISSUER || typeof claims.sub !== 'string' || typeof claims.sid !== 'string' ||
    typeof claims.exp !== 'number' || typeof claims.role !== 'string') {
    throw new AccessTokenError('invalid')
  }
  if (claims.exp <= Math.floor(now.getTime() / 1000)) throw new AccessTokenError('expired')
  return claims as AccessClaims
}

/** Opaque refresh tokens: 256 random bits; only their SHA-256 is stored. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString('base64url')
  return { token, hash: hashRefreshToken(token) }
}

export function hashRefreshToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex')
}

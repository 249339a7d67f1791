import crypto from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import type { Session, SmsSent } from '../../../src/domain/contract'
import { shanghaiMidnight } from '../../../src/domain/clockTime'
import { AppError } from '../../errors'
import { decoyHash, verifyPassword } from '../../security/passwords'
import { SmsDeliveryError } from './smsSender'
import { wechatUnavailable } from './wechat'
import { startSession, type AuthDeps } from './sessions'
import * as repo from './repo'

export const SMS_CODE_TTL_MIN = 5
export const SMS_MAX_ATTEMPTS = 5
export const SMS_RESEND_AFTER_S = 60
export const SMS_PER_PHONE_PER_DAY = 10
export const STAFF_MAX_FAILED_LOGINS = 5
export const STAFF_LOCKOUT_MIN = 15

/**
 * Per-address limits. Generous, because a whole service hall shares one Wi-Fi address; they stop scripts, while the
 * per-phone and per-account limits stop guessing.
 */
export const IP_LIMITS = {
  smsSend: { limit: 30, windowS: 600 },
  smsVerify: { limit: 100, windowS: 600 },
  staffLogin: { limit: 30, windowS: 600 },
  wechat: { limit: 120, windowS: 600 },
} as const

function tooMany(code: 'RATE_LIMITED' | 'SMS_TOO_FREQUENT' | 'SMS_DAILY_LIMIT' | 'ACCOUNT_LOCKED' | 'CODE_ATTEMPTS_EXCEEDED', retryAfterS: number) {
  const seconds = Math.max(1, Math.ceil(retryAfterS))
  return new AppError(429, code, { retryAfterS: seconds }, { 'Retry-After': String(seconds) })
}

async function limitByAddress(deps: AuthDeps, kind: keyof typeof IP_LIMITS, ip: string): Promise<void> {
  const { limit, windowS } = IP_LIMITS[kind]
  const decision = await deps.auth.limiter.hit(`${kind}:${ip}`, limit, windowS, deps.clock.now())
  if (!decision.allowed) throw tooMany('RATE_LIMITED', decision.retryAfterS)
}

export async function signInWithWechat(deps: AuthDeps, code: string, ip: string): Promise<Session> {
  if (!deps.auth.wechat) throw wechatUnavailable(60)
  await limitByAddress(deps, 'wechat', ip)
  const identity = await deps.auth.wechat.code2session(code)
  const user = await repo.findOrCreateCitizen(deps.db, { column: 'openid', value: identity.openid }, {}, deps.clock.now())
  if (user.disabled) throw new AppError(401, 'TOKEN_INVALID')
  return startSession(deps, user, 'weapp')
}

/** The citizen with this phone, created on first sign-in with the phone sealed beside its lookup hash. */
function citizenWithPhone(deps: AuthDeps, phone: string, now: Date): Promise<repo.UserRow> {
  return repo.findOrCreateCitizen(
    deps.db,
    { column: 'phone_hash', value: deps.auth.cipher.lookupHash('phone', phone) },
    { phone_enc: deps.auth.cipher.seal('phone', phone) },
    now,
  )
}

function codeHash(deps: AuthDeps, phoneHash: string, code: string): string {
  return deps.auth.cipher.lookupHash('smsCode', `${phoneHash}:${code}`)
}

export async function sendSmsCode(deps: AuthDeps, phone: string, ip: string): Promise<SmsSent> {
  if (!deps.auth.sms) throw new AppError(503, 'SMS_UNAVAILABLE', undefined, { 'Retry-After': '60' })
  await limitByAddress(deps, 'smsSend', ip)
  const now = deps.clock.now()
  const phoneHash = deps.auth.cipher.lookupHash('phone', phone)

  const latest = await repo.latestSmsCode(deps.db, phoneHash)
  const sinceLatestS = latest ? (now.getTime() - Date.parse(latest.created_at)) / 1000 : Infinity
  if (sinceLatestS < SMS_RESEND_AFTER_S) throw tooMany('SMS_TOO_FREQUENT', SMS_RESEND_AFTER_S - sinceLatestS)
  const dayStart = shanghaiMidnight(now)
  if ((await repo.countSmsCodesSince(deps.db, phoneHash, dayStart)) >= SMS_PER_PHONE_PER_DAY) {
    const nextDay = dayStart.getTime() + 24 * 60 * 60 * 1000
    throw tooMany('SMS_DAILY_LIMIT', (nextDay - now.getTime()) / 1000)
  }

  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0')
  const id = repo.newId()
  await repo.insertSmsCode(
    deps.db,
    { id, phoneHash, codeHash: codeHash(deps, phoneHash, code), expiresAt: new Date(now.getTime() + SMS_CODE_TTL_MIN * 60_000) },
    now,
  )
  try {
    await deps.auth.sms.sendCode(phone, code, SMS_CODE_TTL_MIN)
  } catch (error) {
    // Not sent, so not counted: the person may ask again at once.
    await repo.deleteSmsCode(deps.db, id)
    if (error instanceof SmsDeliveryError) throw new AppError(503, 'SMS_UNAVAILABLE', undefined, { 'Retry-After': '30' })
    throw error
  }
  return { resendAfterS: SMS_RESEND_AFTER_S, expiresInS: SMS_CODE_TTL_MIN * 60 }
}

export async function verifySmsCode(deps: AuthDeps, phone: string, code: string, ip: string): Promise<Session> {
  await limitByAddress(deps, 'smsVerify', ip)
  const now = deps.clock.now()
  const phoneHash = deps.auth.cipher.lookupHash('phone', phone)
  const latest = await repo.latestSmsCode(deps.db, phoneHash)
  if (!latest || latest.consumed_at || latest.expires_at <= now.toISOString()) throw new AppError(400, 'CODE_INVALID')
  if (latest.attempts >= SMS_MAX_ATTEMPTS) throw tooMany('CODE_ATTEMPTS_EXCEEDED', SMS_RESEND_AFTER_S)
  if (!(await repo.countSmsAttempt(deps.db, latest.id, SMS_MAX_ATTEMPTS))) {
    throw tooMany('CODE_ATTEMPTS_EXCEEDED', SMS_RESEND_AFTER_S)
  }
  const expected = Buffer.from(latest.code_hash, 'hex')
  const actual = Buffer.from(codeHash(deps, phoneHash, code), 'hex')
  if (!crypto.timingSafeEqual(expected, actual)) {
    throw new AppError(400, 'CODE_INVALID', { attemptsLeft: SMS_MAX_ATTEMPTS - latest.attempts - 1 })
  }
  if (!(await repo.consumeSmsCode(deps.db, latest.id, now))) throw new AppError(400, 'CODE_INVALID')

  const user = await citizenWithPhone(deps, phone, now)
  if (user.disabled) throw new AppError(401, 'TOKEN_INVALID')
  return startSession(deps, user, 'h5')
}

export async function staffSignIn(
  deps: AuthDeps,
  credentials: { username: string; password: string },
  ip: string,
  log: FastifyBaseLogger,
): Promise<Session> {
  await limitByAddress(deps, 'staffLogin', ip)
  const now = deps.clock.now()
  const user = await repo.findUserByUsername(deps.db, credentials.username)
  if (!user || user.role === 'citizen' || !user.password_hash || user.disabled) {
    await verifyPassword(credentials.password, await decoyHash())
    throw new AppError(401, 'CREDENTIALS_INVALID')
  }
  if (user.locked_until && user.locked_until > now.toISOString()) {
    throw tooMany('ACCOUNT_LOCKED', (Date.parse(user.locked_until) - now.getTime()) / 1000)
  }
  if (!(await verifyPassword(credentials.password, user.password_hash))) {
    const failures = await repo.recordFailedLogin(deps.db, user.id)
    if (failures >= STAFF_MAX_FAILED_LOGINS) {
      const until = new Date(now.getTime() + STAFF_LOCKOUT_MIN * 60_000)
      await repo.updateUser(deps.db, user.id, { locked_until: until.toISOString(), failed_logins: 0 })
      log.warn({ userId: user.id }, 'staff account locked after repeated wrong passwords')
      throw tooMany('ACCOUNT_LOCKED', STAFF_LOCKOUT_MIN * 60)
    }
    throw new AppError(401, 'CREDENTIALS_INVALID')
  }
  if (user.failed_logins > 0 || user.locked_until) await repo.updateUser(deps.db, user.id, { failed_logins: 0, locked_until: null })
  return startSession(deps, user, 'staff')
}

/** Demo and test sign-in without a code (the route exists only with BANSHI_DEV_LOGIN=1). */
export async function devSignIn(deps: AuthDeps, who: { phone: string } | { username: string }): Promise<Session> {
  if ('phone' in who) return startSession(deps, await citizenWithPhone(deps, who.phone, deps.clock.now()), 'dev')
  const user = await repo.findUserByUsername(deps.db, who.username)
  if (!user || user.disabled) throw new AppError(404, 'USER_NOT_FOUND')
  return startSession(deps, user, 'dev')
}

export async function signOut(deps: AuthDeps, sessionId: string): Promise<void> {
  await repo.revokeSession(deps.db, sessionId, 'logout', deps.clock.now())
}

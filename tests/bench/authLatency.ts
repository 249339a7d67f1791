import { performance } from 'node:perf_hooks'
import { buildApp } from '../../server/app'
import { systemClock } from '../../server/clock'
import { migrateToLatest, type DialectName } from '../../server/db/connect'
import { ephemeralAuthSettings } from '../../server/modules/auth/settings'
import type { SmsSender } from '../../server/modules/auth/smsSender'
import type { RateLimiter } from '../../server/security/rateLimiter'
import { hashPassword, verifyPassword } from '../../server/security/passwords'
import { openTestDatabase } from '../api/support/testApp'
import { summarize, ms, type Row } from './stats'

/** Keeps the last code per phone in memory: the bench measures Banshi, not a gateway. */
class MemorySmsSender implements SmsSender {
  readonly name = 'bench'
  readonly codes = new Map<string, string>()
  async sendCode(phone: string, code: string): Promise<void> {
    this.codes.set(phone, code)
  }
}

async function timed<T>(samples: number[], work: () => Promise<T>): Promise<T> {
  const start = performance.now()
  const result = await work()
  samples.push(performance.now() - start)
  return result
}

async function measure(dialect: DialectName): Promise<Row[]> {
  const database = await openTestDatabase(dialect)
  const sms = new MemorySmsSender()
  try {
    await migrateToLatest(database.db)
    // A limiter that never bites: the bench sends hundreds of sign-ins from one address on purpose.
    const limiter: RateLimiter = { hit: async () => ({ allowed: true, retryAfterS: 0 }) }
    const app = await buildApp({ db: database.db, clock: systemClock, auth: ephemeralAuthSettings({ sms, limiter }) })
    await app.ready()

    const signIn: number[] = []
    const guarded: number[] = []
    const refresh: number[] = []
    for (let i = 0; i < 60; i += 1) {
      const phone = `138${String(i).padStart(8, '0')}`
      const session = await timed(signIn, async () => {
        await app.inject({ method: 'POST', url: '/api/v1/auth/sms/send', payload: { phone } })
        const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sms/verify', payload: { phone, code: sms.codes.get(phone) } })
        return res.json()
      })
      for (let j = 0; j < 10; j += 1) {
        await timed(guarded, () => app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${session.accessToken}` } }))
      }
      await timed(refresh, () => app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: session.refreshToken } }))
    }
    await app.close()
    const [s, g, r] = [summarize(signIn), summarize(guarded), summarize(refresh)]
    return [
      { figure: `SMS sign-in (send + verify) p50 / p95 — ${dialect}`, value: `${ms(s.p50)} / ${ms(s.p95)}`, note: `${s.n} sign-ins` },
      { figure: `signed-in GET /me p50 / p95 — ${dialect}`, value: `${ms(g.p50)} / ${ms(g.p95)}`, note: 'token + session check included' },
      { figure: `token refresh p50 / p95 — ${dialect}`, value: `${ms(r.p50)} / ${ms(r.p95)}` },
    ]
  } finally {
    await database.dispose()
  }
}

export async function authLatencyRows(): Promise<Row[]> {
  const hashing: number[] = []
  const verifying: number[] = []
  for (let i = 0; i < 8; i += 1) {
    const stored = await timed(hashing, () => hashPassword('correct horse battery'))
    await timed(verifying, () => verifyPassword('correct horse battery', stored))
  }
  const h = summarize(hashing)
  const v = summarize(verifying)
  const rows: Row[] = [
    { figure: 'staff password hash / verify p50 (scrypt N=2^15, r=8)', value: `${ms(h.p50)} / ${ms(v.p50)}`, note: '32 MiB per guess' },
    ...(await measure('sqlite')),
  ]
  if (process.env.DATABASE_URL) rows.push(...(await measure('postgres')))
  return rows
}

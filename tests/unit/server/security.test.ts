import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DATA_KEY_FILE, DataKeyError, deriveKeys, loadDataKey, parseDataKey } from '../../../server/security/keys'
import { PersonalDataCipher } from '../../../server/security/personalData'
import { hashPassword, verifyPassword } from '../../../server/security/passwords'
import { AccessTokenError, signAccessToken, verifyAccessToken } from '../../../server/security/accessTokens'
import { MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from '../../../server/security/rateLimiter'
import { connectRedis } from '../../../server/redis'

const redisSkipReason = process.env.REDIS_URL ? null : 'REDIS_URL is not set: the Redis rate limiter test is skipped'
if (redisSkipReason) console.info(redisSkipReason)

describe('the master key', () => {
  let dataDir: string
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-key-'))
  })
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  it('reads 32 bytes as hex or base64 and refuses anything else', () => {
    const key = crypto.randomBytes(32)
    expect(parseDataKey(key.toString('hex')).equals(key)).toBe(true)
    expect(parseDataKey(key.toString('base64')).equals(key)).toBe(true)
    expect(parseDataKey(`${key.toString('base64url')}\n`).equals(key)).toBe(true)
    expect(() => parseDataKey('too-short')).toThrow(DataKeyError)
    expect(() => parseDataKey(crypto.randomBytes(16).toString('hex'))).toThrow(DataKeyError)
  })

  it('generates a key file once in demo mode and reads the same key afterwards', () => {
    const first = loadDataKey({ envKey: null, dataDir, allowGenerated: true })
    expect(first.source).toContain('generated')
    expect(fs.statSync(path.join(dataDir, DATA_KEY_FILE)).mode & 0o777).toBe(0o600)
    const second = loadDataKey({ envKey: null, dataDir, allowGenerated: true })
    expect(second.key.equals(first.key)).toBe(true)
  })

  it('refuses to start production without BANSHI_DATA_KEY, even when a demo key file is lying around', () => {
    expect(() => loadDataKey({ envKey: null, dataDir, allowGenerated: false })).toThrow(/BANSHI_DATA_KEY is not set/)
    loadDataKey({ envKey: null, dataDir, allowGenerated: true })
    expect(() => loadDataKey({ envKey: null, dataDir, allowGenerated: false })).toThrow(/demo key/)
    const key = crypto.randomBytes(32).toString('base64')
    expect(loadDataKey({ envKey: key, dataDir, allowGenerated: false }).source).toBe('BANSHI_DATA_KEY')
  })

  it('derives a different key for each purpose', () => {
    const keys = deriveKeys(crypto.randomBytes(32))
    expect(new Set([keys.encryption, keys.lookup, keys.tokens].map((key) => key.toString('hex'))).size).toBe(3)
  })
})

describe('personal data cipher', () => {
  const keys = deriveKeys(crypto.randomBytes(32))
  const cipher = new PersonalDataCipher(keys.encryption, keys.lookup)

  it('round-trips, with a fresh IV each time', () => {
    const sealed = cipher.seal('idNumber', '440308199003071235')
    expect(sealed).not.toContain('440308199003071235')
    expect(cipher.seal('idNumber', '440308199003071235')).not.toBe(sealed)
    expect(cipher.open('idNumber', sealed)).toBe('440308199003071235')
    expect(cipher.open('address', cipher.seal('address', '深圳市龙华区'))).toBe('深圳市龙华区')
  })

  it('refuses a ciphertext moved to another field or altered by one bit', () => {
    const sealed = cipher.seal('phone', '13812345678')
    expect(() => cipher.open('idNumber', sealed)).toThrow()
    const bytes = Buffer.from(sealed.slice(3), 'base64url')
    bytes[bytes.length - 1] ^= 1
    expect(() => cipher.open('phone', `v1.${bytes.toString('base64url')}`)).toThrow()
  })

  it('refuses data sealed with another key', () => {
    const otherKeys = deriveKeys(crypto.randomBytes(32))
    const other = new PersonalDataCipher(otherKeys.encryption, otherKeys.lookup)
    expect(() => cipher.open('phone', other.seal('phone', '13812345678'))).toThrow()
  })

  it('hashes for lookup: stable under one key, different per field and per key', () => {
    expect(cipher.lookupHash('phone', '13812345678')).toBe(cipher.lookupHash('phone', '13812345678'))
    expect(cipher.lookupHash('phone', '13812345678')).not.toBe(cipher.lookupHash('idNumber', '13812345678'))
    const otherKeys = deriveKeys(crypto.randomBytes(32))
    expect(new PersonalDataCipher(otherKeys.encryption, otherKeys.lookup).lookupHash('phone', '13812345678')).not.toBe(
      cipher.lookupHash('phone', '13812345678'),
    )
    // Not a plain hash that a phone-number table could reverse.
    expect(cipher.lookupHash('phone', '13812345678')).not.toBe(crypto.createHash('sha256').update('13812345678').digest('hex'))
  })
})

describe('staff passwords', () => {
  it('hash with scrypt, salted, and verify only the right password', async () => {
    const stored = await hashPassword('correct horse battery')
    expect(stored).toMatch(/^scrypt\$15\$8\$1\$/)
    expect(await hashPassword('correct horse battery')).not.toBe(stored)
    expect(await verifyPassword('correct horse battery', stored)).toBe(true)
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false)
    expect(await verifyPassword('correct horse battery', 'md5$abc')).toBe(false)
  })
})

describe('access tokens', () => {
  const key = crypto.randomBytes(32)
  const now = new Date('2026-11-25T02:00:00Z')
  const claims = { sub: 'user-1', role: 'citizen' as const, sid: 'session-1' }

  it('verify until they expire', () => {
    const token = signAccessToken(key, claims, now, 900)
    expect(verifyAccessToken(key, token, new Date(now.getTime() + 899_000))).toMatchObject(claims)
    expect(() => verifyAccessToken(key, token, new Date(now.getTime() + 900_000))).toThrow(new AccessTokenError('expired'))
  })

  it('reject another key, a changed payload and a changed header', () => {
    const token = signAccessToken(key, claims, now, 900)
    expect(() => verifyAccessToken(crypto.randomBytes(32), token, now)).toThrow(new AccessTokenError('invalid'))
    const [header, payload, signature] = token.split('.')
    const changed = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'user-2' })).toString('base64url')
    expect(() => verifyAccessToken(key, `${header}.${changed}.${signature}`, now)).toThrow(new AccessTokenError('invalid'))
    const hs512 = Buffer.from(JSON.stringify({ alg: 'HS512', typ: 'JWT' })).toString('base64url')
    expect(() => verifyAccessToken(key, `${hs512}.${payload}.${signature}`, now)).toThrow(new AccessTokenError('invalid'))
    expect(() => verifyAccessToken(key, 'a.b', now)).toThrow(new AccessTokenError('invalid'))
  })
})

async function behavesAsFixedWindowLimiter(limiter: RateLimiter, key: string): Promise<void> {
  const start = new Date('2026-11-25T02:00:05Z')
  for (let i = 0; i < 3; i += 1) expect((await limiter.hit(key, 3, 60, start)).allowed).toBe(true)
  expect(await limiter.hit(key, 3, 60, start)).toEqual({ allowed: false, retryAfterS: 55 })
  expect((await limiter.hit(`${key}-other`, 3, 60, start)).allowed).toBe(true)
  expect((await limiter.hit(key, 3, 60, new Date('2026-11-25T02:01:00Z'))).allowed).toBe(true)
}

describe('rate limiters', () => {
  it('memory: a fixed window per key', async () => {
    await behavesAsFixedWindowLimiter(new MemoryRateLimiter(), 'k')
  })

  it('memory: many concurrent hits never let more than the limit through', async () => {
    const limiter = new MemoryRateLimiter()
    const now = new Date()
    const decisions = await Promise.all(Array.from({ length: 50 }, () => limiter.hit('burst', 10, 60, now)))
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10)
  })

  it('Redis unreachable: each node keeps limiting on its own', async () => {
    const down = connectRedis('redis://127.0.0.1:1')
    try {
      await behavesAsFixedWindowLimiter(new RedisRateLimiter(down), 'offline')
    } finally {
      down.disconnect()
    }
  })

  if (redisSkipReason) {
    it.skip(redisSkipReason, () => {})
  } else {
    const ready = async (url: string) => {
      const client = connectRedis(url)
      await new Promise((resolve) => client.once('ready', resolve))
      return client
    }

    it('Redis: the same behaviour, shared by every API node', async () => {
      const redis = await ready(process.env.REDIS_URL as string)
      const other = await ready(process.env.REDIS_URL as string)
      try {
        const key = `test-${crypto.randomBytes(4).toString('hex')}`
        await behavesAsFixedWindowLimiter(new RedisRateLimiter(redis), key)
        // Two nodes, one counter.
        const nodeA = new RedisRateLimiter(redis)
        const nodeB = new RedisRateLimiter(other)
        const now = new Date()
        const decisions = await Promise.all(
          Array.from({ length: 20 }, (_, i) => (i % 2 ? nodeA : nodeB).hit(`${key}-shared`, 5, 60, now)),
        )
        expect(decisions.filter((decision) => decision.allowed)).toHaveLength(5)
      } finally {
        await redis.quit()
        await other.quit()
      }
    })
  }
})

import crypto from 'node:crypto'
import type { Redis } from 'ioredis'
import type { Config } from '../../config'
import { ConfigError } from '../../config'
import { deriveKeys, type SecretKeys } from '../../security/keys'
import { PersonalDataCipher } from '../../security/personalData'
import { MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from '../../security/rateLimiter'
import { WechatClient } from './wechat'
import { ConsoleSmsSender, HttpSmsSender, type SmsNoticeSender, type SmsSender } from './smsSender'

/** Everything sign-in and personal-data handling need, built once at start-up. */
export interface AuthSettings {
  keys: SecretKeys
  cipher: PersonalDataCipher
  /** null: WeChat sign-in is not configured (answers 503). */
  wechat: WechatClient | null
  /** null: SMS sign-in is not configured (answers 503). */
  sms: SmsSender | null
  /** POST /auth/dev exists only when this is true (BANSHI_DEV_LOGIN=1). */
  devLogin: boolean
  limiter: RateLimiter
  accessTokenTtlS: number
}

export const ACCESS_TOKEN_TTL_S = 15 * 60

function wechatFor(config: Config): WechatClient | null {
  const { appId, secret, apiBase, timeoutMs } = config.wechat
  return appId && secret ? new WechatClient({ apiBase, appId, secret, timeoutMs }) : null
}

/** The configured SMS provider; reminders (server/modules/notify) use the same one as sign-in codes. */
export function smsSenderFor(config: Config): (SmsSender & SmsNoticeSender) | null {
  const { provider, apiBase, apiKey, timeoutMs } = config.sms
  if (provider === 'log') return new ConsoleSmsSender()
  if (provider === 'http') {
    if (!apiBase) throw new ConfigError('SMS_PROVIDER=http needs SMS_API_BASE (the gateway URL)')
    return new HttpSmsSender({ apiBase, apiKey, timeoutMs })
  }
  return null
}

export function authSettingsFor(config: Config, masterKey: Buffer, redis: Redis | null): AuthSettings {
  const keys = deriveKeys(masterKey)
  return {
    keys,
    cipher: new PersonalDataCipher(keys.encryption, keys.lookup),
    wechat: wechatFor(config),
    sms: smsSenderFor(config),
    devLogin: config.devLogin,
    limiter: redis ? new RedisRateLimiter(redis) : new MemoryRateLimiter(),
    accessTokenTtlS: ACCESS_TOKEN_TTL_S,
  }
}

/** For tests and benchmarks: a fresh random key, no external services, no dev login unless asked. */
export function ephemeralAuthSettings(overrides: Partial<AuthSettings> = {}): AuthSettings {
  const keys = deriveKeys(crypto.randomBytes(32))
  return {
    keys,
    cipher: new PersonalDataCipher(keys.encryption, keys.lookup),
    wechat: null,
    sms: null,
    devLogin: false,
    limiter: new MemoryRateLimiter(),
    accessTokenTtlS: ACCESS_TOKEN_TTL_S,
    ...overrides,
  }
}

import path from 'node:path'
import type { WechatTemplateKey } from '../src/domain/notices'

export interface Config {
  port: number
  host: string
  /** SQLite file, uploads and generated keys live here. */
  dataDir: string
  /** postgres://… switches from the SQLite file to PostgreSQL. */
  databaseUrl: string | null
  redisUrl: string | null
  /** Enables POST /api/v1/auth/dev and BANSHI_FAKE_NOW; set by demo mode, never in production. */
  devLogin: boolean
  /** Where the server clock starts (ISO time); honoured only with devLogin. */
  fakeNow: Date | null
  /** `npm start`: demo data, dev login, friendly start-up banner. */
  demo: boolean
  /** Demo mode moves the demo halls' queues by itself unless BANSHI_SIMULATOR=0. */
  simulator: boolean
  /** Built H5 app to serve at /; the API works without it. */
  h5Dir: string
  logLevel: string
  /** Which reverse proxies may set X-Forwarded-For: false (none), true (any), or a list of addresses/CIDRs. */
  trustProxy: boolean | string
  /** Master key for personal data and tokens (BANSHI_DATA_KEY); demo and dev setups may generate one into dataDir. */
  dataKey: string | null
  /** code2session; sign-in with WeChat answers 503 until appId and secret are set. */
  wechat: { apiBase: string; appId: string | null; secret: string | null; timeoutMs: number }
  /** `log` prints codes to the server's console (development only); `http` posts them to a gateway. */
  sms: { provider: 'log' | 'http' | 'none'; apiBase: string | null; apiKey: string | null; timeoutMs: number }
  /** Reminders outside the app (issue 11). */
  notify: {
    /** Subscribe-message template ids from the WeChat console; a template without an id is not sent by WeChat. */
    wechatTemplates: Record<WechatTemplateKey, string | null>
    /** Which mini-program build a tapped WeChat message opens. */
    miniprogramState: 'formal' | 'trial' | 'developer'
    /** Web Push keys; without them demo and development setups generate a pair into dataDir, production has no Web Push. */
    vapid: { publicKey: string | null; privateKey: string | null; subject: string | null }
    pushTimeoutMs: number
    /** The H5 app's public address (BANSHI_PUBLIC_URL), for links in text messages; null: texts carry no link. */
    linkBase: string | null
  }
}

export class ConfigError extends Error {}

function flag(value: string | undefined): boolean {
  return value === '1' || value?.toLowerCase() === 'true'
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 8080
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${value}"`)
  }
  return port
}

function parseFakeNow(value: string | undefined): Date | null {
  if (!value) return null
  // Without an offset, Date would read the time in the server's own zone (often UTC in containers); the halls'
  // clock is Asia/Shanghai, so that is what a bare "2026-11-25T10:00" means.
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(value)
  const date = new Date(hasOffset ? value : `${value}+08:00`)
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    throw new ConfigError(`BANSHI_FAKE_NOW must be an ISO time like 2026-11-25T10:00:00+08:00, got "${value}"`)
  }
  return date
}

function parseSmsProvider(value: string | undefined, devLogin: boolean): Config['sms']['provider'] {
  if (!value) return devLogin ? 'log' : 'none'
  if (value === 'log' || value === 'http' || value === 'none') return value
  throw new ConfigError(`SMS_PROVIDER must be log, http or none, got "${value}"`)
}

function parseTimeout(name: string, value: string | undefined, fallback: number): number {
  if (!value) return fallback
  const ms = Number(value)
  if (!Number.isInteger(ms) || ms < 100 || ms > 60_000) throw new ConfigError(`${name} must be milliseconds from 100 to 60000`)
  return ms
}

function parsePublicUrl(value: string | undefined): string | null {
  if (!value) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigError(`BANSHI_PUBLIC_URL must be the app's address, like https://banshi.example.gov.cn, got "${value}"`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError('BANSHI_PUBLIC_URL must start with https://')
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

function parseMiniprogramState(value: string | undefined): Config['notify']['miniprogramState'] {
  if (!value) return 'formal'
  if (value === 'formal' || value === 'trial' || value === 'developer') return value
  throw new ConfigError(`WECHAT_MINIPROGRAM_STATE must be formal, trial or developer, got "${value}"`)
}

function parseTrustProxy(value: string | undefined): boolean | string {
  if (!value) return false
  if (flag(value)) return true
  return value
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv.slice(2)): Config {
  const demo = argv.includes('--demo')
  const cwd = process.cwd()
  // Empty counts as unset, as for every other setting here.
  const devLogin = env.BANSHI_DEV_LOGIN ? flag(env.BANSHI_DEV_LOGIN) : demo
  const fakeNow = parseFakeNow(env.BANSHI_FAKE_NOW)
  return {
    port: parsePort(env.PORT),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(cwd, env.BANSHI_DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || null,
    redisUrl: env.REDIS_URL || null,
    devLogin,
    fakeNow: devLogin ? fakeNow : null,
    demo,
    simulator: demo && env.BANSHI_SIMULATOR !== '0' && env.BANSHI_SIMULATOR?.toLowerCase() !== 'false',
    h5Dir: path.resolve(cwd, env.BANSHI_H5_DIR || 'dist/h5'),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: parseTrustProxy(env.BANSHI_TRUST_PROXY),
    dataKey: env.BANSHI_DATA_KEY || null,
    wechat: {
      apiBase: (env.WECHAT_API_BASE || 'https://api.weixin.qq.com').replace(/\/+$/, ''),
      appId: env.WECHAT_APPID || null,
      secret: env.WECHAT_SECRET || null,
      timeoutMs: parseTimeout('WECHAT_TIMEOUT_MS', env.WECHAT_TIMEOUT_MS, 5000),
    },
    sms: {
      provider: parseSmsProvider(env.SMS_PROVIDER, devLogin),
      apiBase: env.SMS_API_BASE ? env.SMS_API_BASE.replace(/\/+$/, '') : null,
      apiKey: env.SMS_API_KEY || null,
      timeoutMs: parseTimeout('SMS_TIMEOUT_MS', env.SMS_TIMEOUT_MS, 5000),
    },
    notify: {
      wechatTemplates: {
        queue: env.WECHAT_TEMPLATE_QUEUE || null,
        appointment: env.WECHAT_TEMPLATE_APPOINTMENT || null,
        application: env.WECHAT_TEMPLATE_APPLICATION || null,
      },
      miniprogramState: parseMiniprogramState(env.WECHAT_MINIPROGRAM_STATE),
      vapid: {
        publicKey: env.BANSHI_VAPID_PUBLIC_KEY || null,
        privateKey: env.BANSHI_VAPID_PRIVATE_KEY || null,
        subject: env.BANSHI_VAPID_SUBJECT || null,
      },
      pushTimeoutMs: parseTimeout('PUSH_TIMEOUT_MS', env.PUSH_TIMEOUT_MS, 5000),
      linkBase: parsePublicUrl(env.BANSHI_PUBLIC_URL),
    },
  }
}

/** Settings that were given but cannot take effect, so the operator hears about them at start-up. */
export function ignoredSettings(env: NodeJS.ProcessEnv, config: Config): string[] {
  const notes: string[] = []
  if (env.BANSHI_FAKE_NOW && !config.devLogin) {
    notes.push('BANSHI_FAKE_NOW is ignored: it only works together with BANSHI_DEV_LOGIN=1')
  }
  if (env.BANSHI_SIMULATOR && !config.demo) {
    notes.push('BANSHI_SIMULATOR is ignored: the queue simulator only runs in demo mode (npm start)')
  }
  if (config.sms.provider === 'log' && !config.devLogin) {
    notes.push('SMS_PROVIDER=log prints sign-in codes to this console: for development only, never in production')
  }
  const templates = Object.values(config.notify.wechatTemplates).some(Boolean)
  if (templates && !(config.wechat.appId && config.wechat.secret)) {
    notes.push('WECHAT_TEMPLATE_* are ignored: WeChat reminders need WECHAT_APPID and WECHAT_SECRET as well')
  }
  return notes
}

import path from 'node:path'
import { ConfigError, ignoredSettings, loadConfig } from '../../../server/config'

// loadConfig reads only what it is given: an explicit env and argv, never the real process.env.
type Env = Record<string, string | undefined>
const load = (env: Env = {}, argv: string[] = []) => loadConfig(env as NodeJS.ProcessEnv, argv)
const notes = (env: Env, argv: string[] = []) => ignoredSettings(env as NodeJS.ProcessEnv, load(env, argv))

describe('server configuration', () => {
  describe('defaults', () => {
    it('listens on 0.0.0.0:8080 and keeps data in ./data and the H5 build in dist/h5, both absolute', () => {
      const config = load()
      expect(config).toMatchObject({
        port: 8080,
        host: '0.0.0.0',
        dataDir: path.resolve(process.cwd(), 'data'),
        h5Dir: path.resolve(process.cwd(), 'dist/h5'),
        databaseUrl: null,
        redisUrl: null,
        devLogin: false,
        fakeNow: null,
        demo: false,
        logLevel: 'info',
      })
      expect(path.isAbsolute(config.dataDir)).toBe(true)
      expect(path.isAbsolute(config.h5Dir)).toBe(true)
    })

    it('treats empty settings as not given', () => {
      const config = load({ PORT: '', HOST: '', BANSHI_DATA_DIR: '', DATABASE_URL: '', REDIS_URL: '', BANSHI_H5_DIR: '' })
      expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', databaseUrl: null, redisUrl: null })
      expect(config.dataDir).toBe(path.resolve(process.cwd(), 'data'))
    })

    it('takes the database, Redis, folders and log level from the environment', () => {
      const config = load({
        DATABASE_URL: 'postgres://banshi@db/banshi',
        REDIS_URL: 'redis://cache:6379',
        BANSHI_DATA_DIR: 'var/banshi',
        BANSHI_H5_DIR: '/srv/h5',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      })
      expect(config).toMatchObject({
        databaseUrl: 'postgres://banshi@db/banshi',
        redisUrl: 'redis://cache:6379',
        dataDir: path.resolve(process.cwd(), 'var/banshi'),
        h5Dir: '/srv/h5',
        host: '127.0.0.1',
        logLevel: 'warn',
      })
    })
  })

  describe('PORT', () => {
    it('accepts whole numbers from 0 to 65535', () => {
      expect(load({ PORT: '3000' }).port).toBe(3000)
      expect(load({ PORT: '0' }).port).toBe(0)
      expect(load({ PORT: '65535' }).port).toBe(65535)
    })

    it.each(['abc', '70000', '65536', '-1', '80.5'])('refuses PORT=%s with a ConfigError that quotes the value', (value) => {
      expect(() => load({ PORT: value })).toThrow(ConfigError)
      expect(() => load({ PORT: value })).toThrow(`"${value}"`)
    })
  })

  describe('demo mode and dev login', () => {
    it('turns dev login on with --demo', () => {
      expect(load({}, ['--demo'])).toMatchObject({ demo: true, devLogin: true })
    })

    it('keeps dev login off in demo mode when BANSHI_DEV_LOGIN=0', () => {
      expect(load({ BANSHI_DEV_LOGIN: '0' }, ['--demo'])).toMatchObject({ demo: true, devLogin: false })
      expect(load({ BANSHI_DEV_LOGIN: 'false' }, ['--demo']).devLogin).toBe(false)
    })

    it('keeps dev login on in demo mode when BANSHI_DEV_LOGIN is set but empty', () => {
      expect(load({ BANSHI_DEV_LOGIN: '' }, ['--demo']).devLogin).toBe(true)
    })

    it('turns dev login on without demo mode only when asked with 1 or true', () => {
      expect(load({ BANSHI_DEV_LOGIN: '1' })).toMatchObject({ demo: false, devLogin: true })
      expect(load({ BANSHI_DEV_LOGIN: 'TRUE' }).devLogin).toBe(true)
      expect(load({ BANSHI_DEV_LOGIN: 'yes' }).devLogin).toBe(false)
      expect(load({}).devLogin).toBe(false)
    })
  })

  describe('BANSHI_FAKE_NOW', () => {
    const FAKE_NOW = '2026-11-25T10:00:00+08:00'

    it('starts the clock at the given time when dev login is on', () => {
      const env = { BANSHI_DEV_LOGIN: '1', BANSHI_FAKE_NOW: FAKE_NOW }
      expect(load(env).fakeNow?.toISOString()).toBe('2026-11-25T02:00:00.000Z')
      expect(notes(env)).toEqual([])
      expect(load({ BANSHI_FAKE_NOW: FAKE_NOW }, ['--demo']).fakeNow?.toISOString()).toBe('2026-11-25T02:00:00.000Z')
    })

    it('reads a time without an offset as Shanghai time, whatever the server time zone', () => {
      const config = load({ BANSHI_DEV_LOGIN: '1', BANSHI_FAKE_NOW: '2026-11-25T10:00:00' })
      expect(config.fakeNow?.toISOString()).toBe('2026-11-25T02:00:00.000Z')
      expect(load({ BANSHI_DEV_LOGIN: '1', BANSHI_FAKE_NOW: '2026-11-25T10:00' }).fakeNow?.toISOString()).toBe(
        '2026-11-25T02:00:00.000Z',
      )
      expect(load({ BANSHI_DEV_LOGIN: '1', BANSHI_FAKE_NOW: '2026-11-25T02:00:00Z' }).fakeNow?.toISOString()).toBe(
        '2026-11-25T02:00:00.000Z',
      )
    })

    it('is ignored without dev login, and the operator is told so', () => {
      const env = { BANSHI_FAKE_NOW: FAKE_NOW }
      expect(load(env).fakeNow).toBeNull()
      const reported = notes(env)
      expect(reported).toHaveLength(1)
      expect(reported[0]).toMatch(/BANSHI_FAKE_NOW/)
      expect(reported[0]).toMatch(/BANSHI_DEV_LOGIN=1/)
    })

    it('is ignored in demo mode with BANSHI_DEV_LOGIN=0', () => {
      const env = { BANSHI_FAKE_NOW: FAKE_NOW, BANSHI_DEV_LOGIN: '0' }
      expect(load(env, ['--demo']).fakeNow).toBeNull()
      expect(notes(env, ['--demo'])).toHaveLength(1)
    })

    it('reports nothing when it is not set', () => {
      expect(notes({})).toEqual([])
      expect(notes({}, ['--demo'])).toEqual([])
    })

    it.each(['tomorrow', '2026-11-25', '2026-13-45T10:00:00+08:00', '25/11/2026 10:00', '2026-11-25T99:00:00+08:00'])(
      'refuses BANSHI_FAKE_NOW=%s with a ConfigError showing the expected form',
      (value) => {
        const env = { BANSHI_DEV_LOGIN: '1', BANSHI_FAKE_NOW: value }
        expect(() => load(env)).toThrow(ConfigError)
        expect(() => load(env)).toThrow(/2026-11-25T10:00:00\+08:00/)
      },
    )
  })

  describe('BANSHI_TRUST_PROXY', () => {
    it('trusts no proxy by default, so X-Forwarded-For cannot be forged', () => {
      expect(load({}).trustProxy).toBe(false)
    })

    it('trusts any proxy with 1, or only the listed addresses', () => {
      expect(load({ BANSHI_TRUST_PROXY: '1' }).trustProxy).toBe(true)
      expect(load({ BANSHI_TRUST_PROXY: '127.0.0.1,10.0.0.0/8' }).trustProxy).toBe('127.0.0.1,10.0.0.0/8')
    })
  })
})

describe('queue simulator switch', () => {
  it('runs in demo mode unless BANSHI_SIMULATOR=0 (or false), and never outside demo mode', () => {
    expect(load({}, ['--demo']).simulator).toBe(true)
    expect(load({ BANSHI_SIMULATOR: '0' }, ['--demo']).simulator).toBe(false)
    expect(load({ BANSHI_SIMULATOR: 'false' }, ['--demo']).simulator).toBe(false)
    expect(load({ BANSHI_SIMULATOR: '1' }).simulator).toBe(false)
    expect(notes({ BANSHI_SIMULATOR: '1' })).toEqual([expect.stringContaining('BANSHI_SIMULATOR is ignored')])
    expect(notes({ BANSHI_SIMULATOR: '0' }, ['--demo'])).toEqual([])
  })

  it('takes the public address for links in reminder texts, without a trailing slash, and refuses a non-address', () => {
    expect(load().notify.linkBase).toBeNull()
    expect(load({ BANSHI_PUBLIC_URL: 'https://banshi.example.gov.cn/' }).notify.linkBase).toBe('https://banshi.example.gov.cn')
    expect(load({ BANSHI_PUBLIC_URL: 'https://gov.example.cn/banshi/' }).notify.linkBase).toBe('https://gov.example.cn/banshi')
    expect(() => load({ BANSHI_PUBLIC_URL: 'banshi.example' })).toThrow(ConfigError)
    expect(() => load({ BANSHI_PUBLIC_URL: 'ftp://banshi.example' })).toThrow(ConfigError)
  })
})

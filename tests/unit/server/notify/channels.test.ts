import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ConfigError, ignoredSettings, loadConfig } from '../../../../server/config'
import { buildChannels, describeChannels } from '../../../../server/modules/notify/channels'
import { notificationSetup } from '../../../../server/modules/notify/setup'
import { loadRecipient } from '../../../../server/modules/notify/recipients'
import { ConsoleSmsSender } from '../../../../server/modules/auth/smsSender'
import { ephemeralAuthSettings } from '../../../../server/modules/auth/settings'
import type { TestDatabase } from '../../../api/support/testApp'
import type { ManualClock } from '../../../../server/clock'
import { addUser, channelTestDatabase } from './support'

type Env = Record<string, string | undefined>
const load = (env: Env = {}, argv: string[] = []) => loadConfig(env as NodeJS.ProcessEnv, argv)
const WECHAT = { WECHAT_APPID: 'wx1', WECHAT_SECRET: 's' }

describe('reminder settings', () => {
  it('reads template ids, the mini-program state and VAPID keys, empty meaning unset', () => {
    const config = load({ WECHAT_TEMPLATE_QUEUE: 'tq', WECHAT_TEMPLATE_APPOINTMENT: '', WECHAT_MINIPROGRAM_STATE: 'trial', BANSHI_VAPID_SUBJECT: 'mailto:a@b.org' })
    expect(config.notify).toMatchObject({
      wechatTemplates: { queue: 'tq', appointment: null, application: null },
      miniprogramState: 'trial',
      vapid: { publicKey: null, privateKey: null, subject: 'mailto:a@b.org' },
      pushTimeoutMs: 5000,
    })
    expect(load().notify.miniprogramState).toBe('formal')
    expect(() => load({ WECHAT_MINIPROGRAM_STATE: 'beta' })).toThrow(ConfigError)
    expect(() => load({ PUSH_TIMEOUT_MS: '5' })).toThrow(ConfigError)
  })

  it('tells the operator that templates without WeChat credentials do nothing', () => {
    const env = { WECHAT_TEMPLATE_QUEUE: 'tq' }
    expect(ignoredSettings(env as NodeJS.ProcessEnv, load(env))).toEqual([expect.stringContaining('WECHAT_TEMPLATE_* are ignored')])
    expect(ignoredSettings({ ...env, ...WECHAT } as NodeJS.ProcessEnv, load({ ...env, ...WECHAT }))).toEqual([])
  })
})

describe('building the channels', () => {
  let database: TestDatabase
  let clock: ManualClock
  let dataDir: string
  beforeEach(async () => {
    ;({ database, clock } = await channelTestDatabase())
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-notify-'))
  })
  afterEach(async () => {
    await database.dispose()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('orders WeChat, Web Push, SMS, each only when configured', () => {
    const config = load({ ...WECHAT, WECHAT_TEMPLATE_QUEUE: 'tq', SMS_PROVIDER: 'log', BANSHI_DATA_DIR: dataDir }, ['--demo'])
    const setup = notificationSetup(config)
    expect(buildChannels(config, { db: database.db, clock, vapid: setup.vapid }).map((c) => c.name)).toEqual(['wechat', 'webpush', 'sms'])
    const bare = load({ SMS_PROVIDER: 'none', BANSHI_DATA_DIR: dataDir })
    expect(buildChannels(bare, { db: database.db, clock, vapid: null }).map((c) => c.name)).toEqual([])
    expect(buildChannels(bare, { db: database.db, clock, vapid: null, sms: new ConsoleSmsSender(() => undefined) }).map((c) => c.name)).toEqual(['sms'])
  })

  it('publishes template ids only when WeChat can send, and the VAPID key generated in demo mode', () => {
    const demo = notificationSetup(load({ WECHAT_TEMPLATE_QUEUE: 'tq', BANSHI_DATA_DIR: dataDir }, ['--demo']))
    expect(demo.routes.config.wechatTemplates.queue).toBeNull()
    expect(demo.routes.config.vapidPublicKey).toMatch(/^[A-Za-z0-9_-]{87}$/)
    expect(demo.routes.allowLocalHttpPush).toBe(true)
    expect(demo.summary).toContain('Web Push on')
    const production = notificationSetup(load({ ...WECHAT, WECHAT_TEMPLATE_QUEUE: 'tq', BANSHI_DATA_DIR: path.join(dataDir, 'prod') }))
    expect(production.routes).toEqual({ config: { wechatTemplates: { queue: 'tq', appointment: null, application: null }, vapidPublicKey: null }, allowLocalHttpPush: false })
    expect(production.summary).toBe('WeChat on (queue); Web Push off (BANSHI_VAPID_* not set); SMS off (SMS_PROVIDER)')
  })

  it('says why WeChat is off', () => {
    expect(describeChannels(load(), null)).toContain('WeChat off (WECHAT_APPID/WECHAT_SECRET not set)')
    expect(describeChannels(load(WECHAT), null)).toContain('WeChat off (WECHAT_TEMPLATE_* not set)')
  })
})

describe('recipients', () => {
  let database: TestDatabase
  const { cipher } = ephemeralAuthSettings()
  beforeEach(async () => {
    ;({ database } = await channelTestDatabase())
  })
  afterEach(() => database.dispose())

  it("reads the account's openid and phone, and falls back to the row's phone", async () => {
    await addUser(database, 'u1', { openid: 'o1', phone_enc: cipher.seal('phone', '13600000001') })
    await addUser(database, 'u2')
    const rowPhone = cipher.seal('phone', '13900000009')
    expect(await loadRecipient(database.db, cipher, { user_id: 'u1', phone_enc: rowPhone })).toEqual({ userId: 'u1', openid: 'o1', phone: '13600000001' })
    expect(await loadRecipient(database.db, cipher, { user_id: 'u2', phone_enc: rowPhone })).toEqual({ userId: 'u2', openid: null, phone: '13900000009' })
    expect(await loadRecipient(database.db, cipher, { user_id: null, phone_enc: rowPhone })).toEqual({ userId: null, openid: null, phone: '13900000009' })
  })

  it('reaches a closed account through nothing but the row phone', async () => {
    await addUser(database, 'gone', { openid: 'o-gone' })
    await database.db.updateTable('users').set({ disabled: 1 }).where('id', '=', 'gone').execute()
    expect(await loadRecipient(database.db, cipher, { user_id: 'gone', phone_enc: null })).toEqual({ userId: null, openid: null, phone: null })
  })
})

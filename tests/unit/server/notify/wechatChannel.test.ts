import { WechatAccessToken } from '../../../../server/modules/notify/wechatAccessToken'
import { WechatChannel } from '../../../../server/modules/notify/wechatChannel'
import { FAKE_APPID, FAKE_SECRET } from '../../../api/support/fakeServices'
import { FAKE_TEMPLATE_IDS, startFakeWechatMessages, type FakeWechatMessages } from '../../../api/support/fakeWechatMessages'
import { dialects, postgresSkipReason, type TestDatabase } from '../../../api/support/testApp'
import type { ManualClock } from '../../../../server/clock'
import { addUser, channelTestDatabase, deliveryFor, grantsLeft, setGrants } from './support'

let wechat: FakeWechatMessages
let database: TestDatabase
let clock: ManualClock
let fakeNowMs: number

function tokenFor(): WechatAccessToken {
  return new WechatAccessToken({ apiBase: wechat.url, appId: FAKE_APPID, secret: FAKE_SECRET, timeoutMs: 2000, now: () => fakeNowMs })
}

function channelWith(token = tokenFor(), templates = FAKE_TEMPLATE_IDS, timeoutMs = 2000, db = database): WechatChannel {
  return new WechatChannel(db.db, token, { apiBase: wechat.url, timeoutMs, templates, miniprogramState: 'formal' }, clock)
}

beforeEach(async () => {
  wechat = await startFakeWechatMessages()
  ;({ database, clock } = await channelTestDatabase())
  fakeNowMs = Date.parse('2026-12-02T02:00:00Z')
  await addUser(database, 'u1', { openid: 'openid-u1' })
  await setGrants(database, 'u1', 'queue', 2)
})

afterEach(async () => {
  await wechat.close()
  await database.dispose()
})

if (postgresSkipReason) console.info(postgresSkipReason)

describe('WeChat access token', () => {
  it('fetches once for 50 concurrent sends', async () => {
    wechat.tokenDelayMs = 50
    const token = tokenFor()
    const channel = channelWith(token)
    const users = Array.from({ length: 50 }, (_, i) => `c${i}`)
    for (const id of users) {
      await addUser(database, id, { openid: `openid-${id}` })
      await setGrants(database, id, 'queue', 1)
    }
    const outcomes = await Promise.all(users.map((id) => channel.send(deliveryFor({ userId: id, openid: `openid-${id}` }))))
    expect(outcomes.every((o) => o.outcome === 'sent')).toBe(true)
    expect(wechat.tokenRequests).toHaveLength(1)
    expect(wechat.received).toHaveLength(50)
  })

  it('refreshes five minutes before expiry, not earlier', async () => {
    const token = tokenFor()
    const first = await token.get()
    fakeNowMs += (7200 - 5 * 60 - 1) * 1000
    expect(await token.get()).toBe(first)
    expect(wechat.tokenRequests).toHaveLength(1)
    fakeNowMs += 2000
    await token.get()
    expect(wechat.tokenRequests).toHaveLength(2)
  })

  it('fetches a new token and sends once more when WeChat says the token expired (42001)', async () => {
    const channel = channelWith()
    await channel.send(deliveryFor({ userId: 'u1', openid: 'openid-u1' }, 'queue_near', 'queue_near:t1'))
    wechat.expireTokens()
    const outcome = await channel.send(deliveryFor({ userId: 'u1', openid: 'openid-u1' }))
    expect(outcome).toEqual({ outcome: 'sent' })
    expect(wechat.tokenRequests).toHaveLength(2)
    expect(wechat.received).toHaveLength(2)
  })

  it('forces a refresh when the token endpoint hands back the token WeChat just rejected', async () => {
    const token = tokenFor()
    const stale = await token.get()
    let calls = 0
    const answer = await token.call(async (t) => {
      calls += 1
      return t === stale ? { errcode: 40001 } : { errcode: 0 }
    })
    // The fake's stable_token keeps serving the same token until forced, like WeChat's.
    expect(answer.errcode).toBe(0)
    expect(calls).toBe(2)
    expect(wechat.tokenRequests.map((r) => r.forceRefresh)).toEqual([false, false, true])
  })

  it('answers retry and keeps the grant when the AppID or secret is wrong', async () => {
    const token = new WechatAccessToken({ apiBase: wechat.url, appId: FAKE_APPID, secret: 'wrong', timeoutMs: 2000 })
    const outcome = await channelWith(token).send(deliveryFor({ userId: 'u1', openid: 'openid-u1' }))
    expect(outcome.outcome).toBe('retry')
    expect(await grantsLeft(database, 'u1', 'queue')).toBe(2)
  })
})

describe('WeChat subscribe-message channel', () => {
  it('sends the template fields WeChat expects and uses one grant', async () => {
    const outcome = await channelWith().send(deliveryFor({ userId: 'u1', openid: 'openid-u1' }, 'queue_called', 'queue_called:t1:1', 'en'))
    expect(outcome).toEqual({ outcome: 'sent' })
    expect(wechat.received).toEqual([
      {
        touser: 'openid-u1',
        template_id: FAKE_TEMPLATE_IDS.queue,
        template: 'queue',
        page: 'pages/ticket/index?id=t1',
        data: {
          thing1: { value: '临海市民服务中心' },
          character_string2: { value: 'A012' },
          phrase3: { value: '正在叫号' },
          thing4: { value: 'Go to window 5' },
        },
        miniprogram_state: 'formal',
        lang: 'en_US',
      },
    ])
    expect(await grantsLeft(database, 'u1', 'queue')).toBe(1)
  })

  it('can reach a person only with an openid, a configured template and a grant left', async () => {
    const channel = channelWith()
    expect(await channel.canReach(deliveryFor({ userId: 'u1', openid: 'openid-u1' }))).toBe(true)
    expect(await channel.canReach(deliveryFor({ userId: 'u1', openid: null }))).toBe(false)
    expect(await channel.canReach(deliveryFor({ userId: 'u1', openid: 'openid-u1' }, 'appointment_soon'))).toBe(false)
    const noQueueTemplate = channelWith(undefined, { ...FAKE_TEMPLATE_IDS, queue: null as unknown as string })
    expect(await noQueueTemplate.canReach(deliveryFor({ userId: 'u1', openid: 'openid-u1' }))).toBe(false)
    expect(await noQueueTemplate.send(deliveryFor({ userId: 'u1', openid: 'openid-u1' }))).toMatchObject({ outcome: 'unavailable' })
    expect(wechat.sendRequests).toBe(0)
  })

  it('keeps the last queue grant for the call: "3 ahead" goes by WeChat only while one would be left', async () => {
    const channel = channelWith()
    const near = (key: string) => deliveryFor({ userId: 'u1', openid: 'openid-u1' }, 'queue_near', key)
    expect(await channel.canReach(near('queue_near:t1'))).toBe(true)
    expect(await channel.send(near('queue_near:t1'))).toEqual({ outcome: 'sent' })
    expect(await grantsLeft(database, 'u1', 'queue')).toBe(1)
    expect(await channel.canReach(near('queue_near:t2'))).toBe(false)
    expect(await channel.send(near('queue_near:t2'))).toMatchObject({ outcome: 'unavailable' })
    expect(await channel.send(deliveryFor({ userId: 'u1', openid: 'openid-u1' }, 'queue_called', 'queue_called:t1:1'))).toEqual({ outcome: 'sent' })
    expect(await grantsLeft(database, 'u1', 'queue')).toBe(0)
    expect(wechat.received).toHaveLength(2)
  })

  it('takes every grant of the template away when WeChat says the user refused (43101)', async () => {
    wechat.script.push({ errcode: 43101 })
    const outcome = await channelWith().send(deliveryFor({ userId: 'u1', openid: 'openid-u1' }))
    expect(outcome.outcome).toBe('unavailable')
    expect(await grantsLeft(database, 'u1', 'queue')).toBe(0)
  })

  it.each([[{ errcode: 45009 }], [{ errcode: -1 }]])('answers retry and gives the grant back when WeChat throttles (%o)', async (answer) => {
    wechat.script.push(answer)
    const outcome = await channelWith().send(deliveryFor({ userId: 'u1', openid: 'openid-u1' }))
    expect(outcome.outcome).toBe('retry')
    expect(await grantsLeft(database, 'u1', 'queue')).toBe(2)
    expect(wechat.received).toHaveLength(0)
  })

  it('answers retry but keeps the grant spent when it cannot know whether WeChat sent (HTTP 500, timeout)', async () => {
    wechat.script.push('http500')
    expect((await channelWith().send(deliveryFor({ userId: 'u1', openid: 'openid-u1' }))).outcome).toBe('retry')
    expect(await grantsLeft(database, 'u1', 'queue')).toBe(1)
    wechat.script.push('hang')
    expect((await channelWith(undefined, FAKE_TEMPLATE_IDS, 300).send(deliveryFor({ userId: 'u1', openid: 'openid-u1' }))).outcome).toBe('retry')
    expect(await grantsLeft(database, 'u1', 'queue')).toBe(0)
  })

  it('answers rejected for data WeChat refuses (47003), and the grant stays usable', async () => {
    wechat.script.push({ errcode: 47003 })
    const outcome = await channelWith().send(deliveryFor({ userId: 'u1', openid: 'openid-u1' }))
    expect(outcome.outcome).toBe('rejected')
    expect(await grantsLeft(database, 'u1', 'queue')).toBe(2)
  })

  it('is not safe to resend: WeChat has no idempotency key', () => {
    expect(channelWith().idempotentResend).toBe(false)
  })
})

// The conditional UPDATE must hold under PostgreSQL's concurrency as well as SQLite's single writer.
describe.each(dialects)('WeChat grants on %s', (dialect) => {
  let grantsDb: TestDatabase
  beforeEach(async () => {
    ;({ database: grantsDb } = await channelTestDatabase(dialect))
    await addUser(grantsDb, 'u1', { openid: 'openid-u1' })
    await setGrants(grantsDb, 'u1', 'queue', 2)
  })
  afterEach(() => grantsDb.dispose())

  it('never sends more messages than grants, however many are sent at once', async () => {
    const channel = channelWith(undefined, FAKE_TEMPLATE_IDS, 2000, grantsDb)
    const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => channel.send(deliveryFor({ userId: 'u1', openid: 'openid-u1' }, 'queue_called', `k${i}`))))
    expect(outcomes.filter((o) => o.outcome === 'sent')).toHaveLength(2)
    expect(outcomes.filter((o) => o.outcome === 'unavailable')).toHaveLength(4)
    expect(wechat.received).toHaveLength(2)
    expect(await grantsLeft(grantsDb, 'u1', 'queue')).toBe(0)
    expect(await channel.canReach(deliveryFor({ userId: 'u1', openid: 'openid-u1' }))).toBe(false)
  })
})

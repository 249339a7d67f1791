import { ConsoleSmsSender, HttpSmsSender } from '../../../../server/modules/auth/smsSender'
import { SmsChannel } from '../../../../server/modules/notify/smsChannel'
import { startFakeSmsNoticeGateway, type FakeSmsNoticeGateway } from '../../../api/support/fakeSmsNoticeGateway'
import type { TestDatabase } from '../../../api/support/testApp'
import { addUser, channelTestDatabase, deliveryFor } from './support'
import { h5UrlOfPagePath } from '@/domain/pushPayload'

let gateway: FakeSmsNoticeGateway
let database: TestDatabase

function channel(timeoutMs = 2000): SmsChannel {
  return new SmsChannel(database.db, new HttpSmsSender({ apiBase: gateway.url, apiKey: 'sms-test-key', timeoutMs }))
}

beforeEach(async () => {
  gateway = await startFakeSmsNoticeGateway()
  ;({ database } = await channelTestDatabase())
  await addUser(database, 'u1')
})

afterEach(async () => {
  await gateway.close()
  await database.dispose()
})

describe('SMS channel', () => {
  it('texts the whole message with the notice kind as template, its short values and the dedup key', async () => {
    const outcome = await channel().send(deliveryFor({ userId: null, phone: '13600000001' }, 'application_ready', 'application_ready:a1'))
    expect(outcome).toEqual({ outcome: 'sent' })
    expect(gateway.texted).toHaveLength(1)
    const [message] = gateway.texted
    expect(message).toMatchObject({ to: '13600000001', template: 'application_ready', idempotencyKey: 'application_ready:a1' })
    expect(message.text).toMatch(/^办件已办结：您的办件/)
    expect(message.params).toMatchObject({ item: '居民身份证换领', status: '已办结' })
  })

  it('texts nobody twice when the same event is sent again (Idempotency-Key)', async () => {
    const sms = channel()
    expect(sms.idempotentResend).toBe(true)
    await sms.send(deliveryFor({ phone: '13600000001' }, 'queue_called', 'queue_called:t1:1'))
    await sms.send(deliveryFor({ phone: '13600000001' }, 'queue_called', 'queue_called:t1:1'))
    expect(gateway.requests).toBe(2)
    expect(gateway.texted).toHaveLength(1)
  })

  it('reaches a person with a phone unless they turned SMS off', async () => {
    const sms = channel()
    expect(await sms.canReach(deliveryFor({ userId: 'u1', phone: '13600000001' }))).toBe(true)
    expect(await sms.canReach(deliveryFor({ userId: 'u1', phone: null }))).toBe(false)
    expect(await sms.canReach(deliveryFor({ userId: null, phone: '13600000002' }))).toBe(true)
    await database.db.insertInto('notification_settings').values({ user_id: 'u1', sms: 0, updated_at: new Date().toISOString() }).execute()
    expect(await sms.canReach(deliveryFor({ userId: 'u1', phone: '13600000001' }))).toBe(false)
    expect((await sms.send(deliveryFor({ userId: 'u1', phone: '13600000001' }))).outcome).toBe('unavailable')
    expect(gateway.requests).toBe(0)
  })

  it('retries when the gateway is down or slow, and gives up on a number it refuses', async () => {
    gateway.mode = 'fail'
    expect((await channel().send(deliveryFor({ phone: '13600000001' }))).outcome).toBe('retry')
    gateway.mode = 'hang'
    expect((await channel(300).send(deliveryFor({ phone: '13600000001' }))).outcome).toBe('retry')
    gateway.mode = 'refuse'
    expect((await channel().send(deliveryFor({ phone: '13600000001' }))).outcome).toBe('rejected')
  })

  it('links the text to the page that shows it when the app has a public address', async () => {
    const lines: string[] = []
    const linked = new SmsChannel(database.db, new ConsoleSmsSender((line) => lines.push(line)), 'https://banshi.example.gov.cn')
    const delivery = deliveryFor({ phone: '13600000001' }, 'application_ready', 'application_ready:a9')
    await linked.send(delivery)
    expect(lines[0]).toContain(`https://banshi.example.gov.cn${h5UrlOfPagePath(delivery.notice.path)}`)
    expect(h5UrlOfPagePath(delivery.notice.path)).not.toBe('/')
    await new SmsChannel(database.db, new ConsoleSmsSender((line) => lines.push(line))).send(delivery)
    expect(lines[1]).not.toContain('https://')
  })

  it('prints the message with a masked number from the development provider', async () => {
    const lines: string[] = []
    const sms = new SmsChannel(database.db, new ConsoleSmsSender((line) => lines.push(line)))
    expect(await sms.send(deliveryFor({ phone: '13600000001' }, 'queue_near', 'queue_near:t1'))).toEqual({ outcome: 'sent' })
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('DEV SMS PROVIDER, not delivered')
    expect(lines[0]).toContain('快到您了')
    expect(lines[0]).not.toContain('13600000001')
  })
})

import { Value } from '@sinclair/typebox/value'
import { QueueSnapshotSchema, TicketSchema, type LiveServerFrame, type Session } from '@/domain/contract'
import { buildApp } from '../../server/app'
import { ephemeralAuthSettings } from '../../server/modules/auth/settings'
import { connectRedis } from '../../server/redis'
import { RedisBus } from '../../server/live/bus'
import { MAX_FRAMES_PER_WINDOW, PING_EVERY_MS } from '../../server/live/hub'
import { createTestApp, dialects, postgresSkipReason, type TestApp } from './support/testApp'
import { devSignIn, signInEveryRole } from './support/signIn'
import { expectErrorBody } from './support/expectErrorBody'
import { callNextAt, takeTicket } from './support/queue'
import { openLiveSocket, type LiveTestSocket } from './support/liveSocket'

if (postgresSkipReason) console.info(postgresSkipReason)

const isQueue = (hallId: string, version?: number) => (frame: LiveServerFrame) =>
  frame.type === 'queue' && frame.hallId === hallId && (version === undefined || frame.version === version)
const isTicket = (id: string, status?: string) => (frame: LiveServerFrame) =>
  frame.type === 'ticket' && frame.id === id && (status === undefined || frame.status === status)
const isError = (code: string) => (frame: LiveServerFrame) => frame.type === 'error' && frame.code === code

describe.each(dialects)('WS /api/v1/live on %s', (dialect) => {
  let t: TestApp
  let s: Awaited<ReturnType<typeof signInEveryRole>>
  let phone = 13500000000
  const sockets: LiveTestSocket[] = []

  beforeAll(async () => {
    t = await createTestApp(dialect, { auth: ephemeralAuthSettings({ devLogin: true }) })
    s = await signInEveryRole(t.app)
  }, 60_000)
  afterEach(() => sockets.splice(0).forEach((socket) => socket.close()))
  afterAll(() => t.close())

  const open = async (query = '') => {
    const socket = await openLiveSocket(t.app, query)
    sockets.push(socket)
    return socket
  }
  const citizen = () => devSignIn(t.app, { phone: String((phone += 1)) })

  it('sends the hall snapshot at once on subscribe and again on every change', async () => {
    const socket = await open()
    socket.send({ type: 'subscribe', hall: 'lh-guanhu-luhu' })
    const first = await socket.next(isQueue('lh-guanhu-luhu'))
    const { type: _type, ...snapshot } = first as Extract<LiveServerFrame, { type: 'queue' }>
    expect(Value.Check(QueueSnapshotSchema, snapshot)).toBe(true)
    await takeTicket(t.app, await citizen(), 'lh-guanhu-luhu')
    const changed = (await socket.next(isQueue('lh-guanhu-luhu', snapshot.version + 1))) as Extract<LiveServerFrame, { type: 'queue' }>
    expect(changed.categories[0].waiting).toBe(snapshot.categories[0].waiting + 1)
    await callNextAt(t.app, s.admin, 'lh-guanhu-luhu', 1)
    const called = (await socket.next(isQueue('lh-guanhu-luhu', snapshot.version + 2))) as Extract<LiveServerFrame, { type: 'queue' }>
    expect(called.categories[0].serving).toHaveLength(1)
  })

  it("sends the holder's ticket at once and when it moves: ahead, then called to a window", async () => {
    const first = await citizen()
    const holder = await citizen()
    const ahead = await takeTicket(t.app, first, 'lh-guanhu-songyuansha')
    const mine = await takeTicket(t.app, holder, 'lh-guanhu-songyuansha')
    const socket = await open(`?token=${holder.accessToken}`)
    socket.send({ type: 'subscribe', ticket: mine.id })
    const initial = (await socket.next(isTicket(mine.id))) as Extract<LiveServerFrame, { type: 'ticket' }>
    const { type: _type, ...ticket } = initial
    expect(Value.Check(TicketSchema, ticket)).toBe(true)
    expect(initial.ahead).toBe(1)
    expect((await callNextAt(t.app, s.admin, 'lh-guanhu-songyuansha', 1)).json().id).toBe(ahead.id)
    expect(((await socket.next(isTicket(mine.id, 'waiting'))) as { ahead: number }).ahead).toBe(0)
    await callNextAt(t.app, s.admin, 'lh-guanhu-songyuansha', 2)
    expect(await socket.next(isTicket(mine.id, 'called'))).toMatchObject({ window: 2 })
  })

  it("answers a ticket subscription without the holder's token with an error frame, never the ticket", async () => {
    const holder = await citizen()
    const ticket = await takeTicket(t.app, holder, 'lh-minzhi-daling')
    const anonymous = await open()
    anonymous.send({ type: 'subscribe', ticket: ticket.id })
    await anonymous.next(isError('TICKET_NOT_FOUND'))
    const someoneElse = await open(`?token=${(await citizen()).accessToken}`)
    someoneElse.send({ type: 'subscribe', ticket: ticket.id })
    await someoneElse.next(isError('TICKET_NOT_FOUND'))
    const forged = await open('?token=not.a.token')
    await forged.next(isError('TOKEN_INVALID'))
    forged.send({ type: 'subscribe', ticket: ticket.id })
    await forged.next(isError('TICKET_NOT_FOUND'))
    expect([...anonymous.frames, ...someoneElse.frames, ...forged.frames].some((frame) => frame.type === 'ticket')).toBe(false)
  })

  it('answers bad frames and unknown halls with an error frame and keeps the socket (and the server) working', async () => {
    const socket = await open()
    socket.send('this is not JSON')
    await socket.next(isError('VALIDATION_FAILED'))
    socket.send({ type: 'subscribe' })
    await socket.next(isError('VALIDATION_FAILED'))
    socket.send({ type: 'dance', hall: 'lh-district' })
    await socket.next(isError('VALIDATION_FAILED'))
    socket.send({ type: 'subscribe', hall: 'x'.repeat(65) })
    await socket.next(isError('VALIDATION_FAILED'))
    socket.send({ type: 'subscribe', hall: 'atlantis' })
    const unknown = (await socket.next(isError('HALL_NOT_FOUND'))) as { message: string }
    expect(unknown.message).toContain('大厅')
    socket.send({ type: 'subscribe', hall: 'lh-district' })
    await socket.next(isQueue('lh-district'))
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/halls/lh-district/queue' })).statusCode).toBe(200)
  })

  it('speaks English error frames to an English client', async () => {
    const socket = await openLiveSocket(t.app, '?lang=en')
    sockets.push(socket)
    socket.send('{')
    const frame = (await socket.next(isError('VALIDATION_FAILED'))) as { message: string }
    expect(frame.message).toMatch(/[a-z]/)
  })

  it('stops sending a hall after unsubscribe', async () => {
    const socket = await open()
    socket.send({ type: 'subscribe', hall: 'lh-dalang' })
    await socket.next(isQueue('lh-dalang'))
    socket.send({ type: 'unsubscribe', hall: 'lh-dalang' })
    // The socket keeps listening to another hall; ordering on the one socket proves the unsubscribe went first.
    socket.send({ type: 'subscribe', hall: 'lh-fucheng' })
    await socket.next(isQueue('lh-fucheng'))
    await takeTicket(t.app, await citizen(), 'lh-dalang')
    await takeTicket(t.app, await citizen(), 'lh-fucheng')
    await socket.next(isQueue('lh-fucheng'))
    expect(socket.frames.filter(isQueue('lh-dalang'))).toHaveLength(1)
  })

  it('limits how many subscriptions one socket holds', async () => {
    const socket = await open()
    const halls = (await t.app.inject({ method: 'GET', url: '/api/v1/halls' })).json().map((hall: { id: string }) => hall.id)
    for (const hall of halls.slice(0, 21)) socket.send({ type: 'subscribe', hall })
    await socket.next(isError('VALIDATION_FAILED'))
    expect(socket.frames.filter((frame) => frame.type === 'queue')).toHaveLength(20)
  })

  it('pings to keep the socket alive and drops a client that stopped answering', async () => {
    const socket = await open()
    t.app.liveHub.keepAlive()
    await socket.next((frame) => frame.type === 'ping')
    socket.send({ type: 'pong' })
    socket.send({ type: 'subscribe', hall: 'lh-district' })
    await socket.next(isQueue('lh-district'))
    // Two intervals after its answer: still there, pinged again.
    t.app.liveHub.keepAlive(performance.now() + PING_EVERY_MS * 2)
    await socket.next((frame) => frame.type === 'ping')
    const closed = new Promise<void>((resolve) => socket.ws.on('close', () => resolve()))
    // Three intervals of silence: gone (a phone that lost its network never says goodbye).
    t.app.liveHub.keepAlive(performance.now() + PING_EVERY_MS * 3)
    await closed
    expect(t.app.liveHub.size).toBe(0)
  })

  it('answers a socket that floods frames with one RATE_LIMITED error and ignores the rest', async () => {
    const socket = await open()
    for (let i = 0; i < MAX_FRAMES_PER_WINDOW + 10; i += 1) socket.send({ type: 'pong' })
    socket.send({ type: 'subscribe', hall: 'lh-district' })
    await socket.next(isError('RATE_LIMITED'))
    // A frame round trip after the flood: whatever came back, no snapshot for the ignored subscribe, one error only.
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(socket.frames.filter(isQueue('lh-district'))).toHaveLength(0)
    expect(socket.frames.filter(isError('RATE_LIMITED'))).toHaveLength(1)
  })

  it('answers a plain HTTP request with 426 WEBSOCKET_REQUIRED', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/live' })
    expectErrorBody(res, 426, 'WEBSOCKET_REQUIRED')
    expect(res.headers.upgrade).toBe('websocket')
  })
})

const redisUrl = process.env.REDIS_URL
const describeWithRedis = redisUrl ? describe : describe.skip
if (!redisUrl) console.info('REDIS_URL is not set: the two-node live test is skipped')

describeWithRedis('two API nodes on one Redis', () => {
  let a: TestApp
  let bApp: Awaited<ReturnType<typeof buildApp>>
  // Made in beforeAll: a skipped describe still runs its body, and a client made there would connect anyway.
  let redisClients: ReturnType<typeof connectRedis>[] = []
  let buses: RedisBus[] = []
  let staff: Session

  beforeAll(async () => {
    redisClients = [connectRedis(redisUrl!), connectRedis(redisUrl!)]
    buses = redisClients.map((client) => new RedisBus(client))
    await Promise.all(buses.map((bus) => bus.ready))
    const auth = ephemeralAuthSettings({ devLogin: true })
    a = await createTestApp('sqlite', { auth, bus: buses[0], redis: redisClients[0] })
    // Node B shares the database and the keys but has its own process state: only Redis connects the two.
    bApp = await buildApp({ db: a.database.db, clock: a.clock, auth, bus: buses[1], redis: redisClients[1] })
    await bApp.ready()
    staff = (await signInEveryRole(a.app)).admin
  }, 60_000)
  afterAll(async () => {
    await bApp.close()
    await a.close()
    await Promise.all(buses.map((bus) => bus.close()))
    await Promise.all(redisClients.map((client) => client.quit()))
  })

  it('delivers a ticket called on node A to a socket held by node B', async () => {
    const holder = await devSignIn(a.app, { phone: '13511110000' })
    const ticket = await takeTicket(a.app, holder, 'lh-guanlan')
    const socket = await openLiveSocket(bApp, `?token=${holder.accessToken}`)
    try {
      socket.send({ type: 'subscribe', hall: 'lh-guanlan' })
      socket.send({ type: 'subscribe', ticket: ticket.id })
      const before = (await socket.next(isQueue('lh-guanlan'))) as { version: number }
      await socket.next(isTicket(ticket.id, 'waiting'))
      const called = await callNextAt(a.app, staff, 'lh-guanlan', 4)
      expect(called.json().id).toBe(ticket.id)
      expect(await socket.next(isTicket(ticket.id, 'called'))).toMatchObject({ window: 4 })
      expect(await socket.next(isQueue('lh-guanlan', before.version + 1))).toMatchObject({ hallId: 'lh-guanlan' })
      // Node B's snapshot endpoint answers with the change too (its cache was dropped by the Redis message).
      expect((await bApp.inject({ method: 'GET', url: '/api/v1/halls/lh-guanlan/queue' })).json().version).toBe(before.version + 1)
    } finally {
      socket.close()
    }
  })
})

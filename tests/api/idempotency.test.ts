import Fastify, { type FastifyInstance } from 'fastify'
import { AppError } from '../../server/errors'
import { ManualClock } from '../../server/clock'
import { migrateToLatest } from '../../server/db/connect'
import { registerErrorHandler } from '../../server/http/errorHandler'
import { purgeExpiredIdempotencyKeys, runIdempotent, sendIdempotent } from '../../server/http/idempotency'
import { dialects, openTestDatabase, type TestDatabase, WEDNESDAY_10AM } from './support/testApp'
import { expectErrorBody } from './support/expectErrorBody'

// A bare server with one creating route, so the Idempotency-Key rules are checked apart from any feature: the route
// writes an audit row per real run, which counts how often `create` actually happened.
async function serverWith(database: TestDatabase, clock: ManualClock): Promise<FastifyInstance> {
  const app = Fastify()
  app.decorate('clock', clock)
  app.decorateRequest('principal', null)
  registerErrorHandler(app)
  app.addHook('onRequest', async (request) => {
    const user = request.headers['x-test-user']
    request.principal = typeof user === 'string' ? { userId: user, role: 'citizen', sessionId: 's' } as never : null
  })
  app.post<{ Body: { note: string; fail?: boolean } }>('/things/:hall', async (request, reply) => {
    const result = await runIdempotent(database.db, request, async (trx) => {
      const id = `a-${Math.random().toString(36).slice(2)}`
      await trx
        .insertInto('audit_log')
        .values({ id, at: clock.now().toISOString(), actor_id: 'tester', actor_role: 'citizen', action: 'thing.create', subject_id: null, ip: null, detail: request.body.note })
        .execute()
      if (request.body.fail) throw new AppError(404, 'ITEM_NOT_FOUND')
      return { status: 201, body: { id, note: request.body.note } }
    })
    return sendIdempotent(reply, result)
  })
  await app.ready()
  return app
}

describe.each(dialects)('Idempotency-Key on creating requests (%s)', (dialect) => {
  let database: TestDatabase
  let clock: ManualClock
  let app: FastifyInstance

  beforeEach(async () => {
    database = await openTestDatabase(dialect)
    await migrateToLatest(database.db)
    clock = new ManualClock(WEDNESDAY_10AM)
    app = await serverWith(database, clock)
  })
  afterEach(async () => {
    await app.close()
    await database.dispose()
  })

  const post = (options: { user?: string; key?: string; note?: string; hall?: string; fail?: boolean }) =>
    app.inject({
      method: 'POST',
      url: `/things/${options.hall ?? 'h1'}`,
      headers: { 'x-test-user': options.user ?? 'u1', ...(options.key ? { 'idempotency-key': options.key } : {}) },
      payload: { note: options.note ?? 'first', ...(options.fail ? { fail: true } : {}) },
    })
  const runs = async () => (await database.db.selectFrom('audit_log').select('id').execute()).length

  it('answers a retry with the first answer and creates nothing new', async () => {
    const first = await post({ key: 'draft-1' })
    const again = await post({ key: 'draft-1' })
    expect(first.statusCode).toBe(201)
    expect(again.statusCode).toBe(201)
    expect(again.json()).toEqual(first.json())
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(await runs()).toBe(1)
  })

  it('runs every request without a key', async () => {
    await post({})
    await post({})
    expect(await runs()).toBe(2)
  })

  it('keeps keys per user: the same key from two people creates two things', async () => {
    await post({ user: 'u1', key: 'same' })
    await post({ user: 'u2', key: 'same' })
    expect(await runs()).toBe(2)
  })

  it('refuses a key reused for a different body or a different path', async () => {
    await post({ key: 'k' })
    expectErrorBody(await post({ key: 'k', note: 'other' }), 409, 'IDEMPOTENCY_KEY_REUSED')
    expectErrorBody(await post({ key: 'k', hall: 'h2' }), 409, 'IDEMPOTENCY_KEY_REUSED')
    expect(await runs()).toBe(1)
  })

  it('stores nothing when the request fails, so a retry runs again', async () => {
    expectErrorBody(await post({ key: 'k', fail: true }), 404, 'ITEM_NOT_FOUND')
    expect(await runs()).toBe(0)
    expectErrorBody(await post({ key: 'k', fail: true }), 404, 'ITEM_NOT_FOUND')
    expect((await post({ key: 'k2' })).statusCode).toBe(201)
    expect(await runs()).toBe(1)
  })

  it('rejects a malformed key with VALIDATION_FAILED', async () => {
    expectErrorBody(await post({ key: 'x'.repeat(65) }), 400, 'VALIDATION_FAILED')
    expectErrorBody(await post({ key: 'has space' }), 400, 'VALIDATION_FAILED')
    expect(await runs()).toBe(0)
  })

  it('creates once when 30 copies of one request race', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => post({ key: 'storm' })))
    expect(answers.map((res) => res.statusCode)).toEqual(Array(30).fill(201))
    expect(new Set(answers.map((res) => res.json().id)).size).toBe(1)
    expect(await runs()).toBe(1)
  })

  it('forgets keys after 24 hours', async () => {
    await post({ key: 'old' })
    clock.advance(24 * 60 * 60 * 1000 + 1000)
    expect((await post({ key: 'old' })).headers['idempotent-replayed']).toBeUndefined()
    expect(await runs()).toBe(2)
    clock.advance(24 * 60 * 60 * 1000 + 1000)
    expect(await purgeExpiredIdempotencyKeys(database.db, clock.now())).toBe(1)
  })
})

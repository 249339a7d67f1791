import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import { errorMessage } from '@/domain/errors'
import { buildApp } from '../../../server/app'
import { ManualClock } from '../../../server/clock'
import { openDatabase, type DatabaseHandle } from '../../../server/db/connect'
import { AppError } from '../../../server/errors'
import { expectErrorBody } from '../../api/support/expectErrorBody'

const SECRET = 'password=hunter2 at /srv/banshi/server/modules/secret.ts:42'

/** An error like the ones node-postgres and node's sockets raise when the database cannot be reached. */
function connectionRefused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED', errno: -111 })
}

describe('error hook', () => {
  let database: DatabaseHandle
  let app: FastifyInstance
  const logLines: Array<Record<string, any>> = []

  beforeAll(async () => {
    database = await openDatabase({ sqliteFile: ':memory:' })
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line))
        done()
      },
    })
    app = await buildApp({
      db: database.db,
      clock: new ManualClock('2026-11-25T10:00:00+08:00'),
      logger: { level: 'warn', stream: logStream },
    })
    // Routes for this test only, added before ready like any module's routes.
    app.get('/test/throws', () => {
      throw new Error(SECRET)
    })
    app.get('/test/rejects', async () => {
      await Promise.resolve()
      throw new TypeError(`Cannot read properties of undefined (reading 'id') ${SECRET}`)
    })
    app.get('/test/throws-string', () => {
      throw SECRET // eslint-disable-line no-throw-literal
    })
    app.get('/test/rate-limited', () => {
      throw new AppError(429, 'RATE_LIMITED', { limit: 5 }, { 'Retry-After': '30', 'X-RateLimit-Limit': '5' })
    })
    app.get('/test/not-found', () => {
      throw new AppError(404, 'ITEM_NOT_FOUND')
    })
    app.get('/test/status-401', () => {
      throw Object.assign(new Error('no token'), { statusCode: 401 })
    })
    app.get('/test/status-403', () => {
      throw Object.assign(new Error('wrong role'), { statusCode: 403 })
    })
    app.get('/test/status-503', () => {
      throw Object.assign(new Error(SECRET), { statusCode: 503 })
    })
    app.get('/test/status-502', () => {
      throw Object.assign(new Error(SECRET), { statusCode: 502 })
    })
    app.get('/test/db-down', async () => {
      throw connectionRefused()
    })
    app.get('/test/pg-shutting-down', async () => {
      throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })
    })
    app.get('/test/pg-syntax', async () => {
      throw Object.assign(new Error(`syntax error at or near "selec" ${SECRET}`), { code: '42601' })
    })
    app.get(
      '/test/bad-response',
      { schema: { response: { 200: Type.Object({ count: Type.Integer() }) } } },
      () => ({ count: 'many' }) as unknown as { count: number },
    )
    app.post(
      '/test/echo',
      { schema: { body: Type.Object({ name: Type.String({ minLength: 1 }), age: Type.Integer({ minimum: 0 }) }) } },
      (request) => request.body,
    )
    await app.ready()
  })
  afterAll(async () => {
    await app.close()
    await database.close()
  })
  beforeEach(() => {
    logLines.length = 0
  })

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers })


  describe('plugins that answer 401 or 403', () => {
    it('say "sign in first" and "not allowed" in the contract codes', async () => {
      expectErrorBody(await get('/test/status-401'), 401, 'AUTH_REQUIRED')
      expectErrorBody(await get('/test/status-403'), 403, 'FORBIDDEN')
    })
  })

  describe('an unexpected error', () => {
    it.each(['/test/throws', '/test/rejects', '/test/throws-string'])(
      '%s answers 500 INTERNAL_ERROR with the plain message and nothing internal',
      async (url) => {
        const res = await get(url)
        const body = expectErrorBody(res, 500, 'INTERNAL_ERROR')
        expect(body).toEqual({ error: { code: 'INTERNAL_ERROR', message: errorMessage('INTERNAL_ERROR', 'zh') } })
        for (const leak of ['hunter2', 'secret.ts', '/srv/banshi', 'stack', 'TypeError', 'Cannot read']) {
          expect(res.body).not.toContain(leak)
        }
        expect(res.headers['x-content-type-options']).toBe('nosniff')
      },
    )

    it('is logged in full with the request, for the operator', async () => {
      await get('/test/throws')
      const entry = logLines.find((line) => line.msg === 'unhandled error')
      expect(entry).toBeDefined()
      expect(entry!.level).toBe(50)
      expect(entry!.err.message).toBe(SECRET)
      expect(entry!.err.stack).toMatch(/errorHandler\.test\.ts/)
      expect(entry!.reqId).toBeDefined()
    })

    it('speaks English when asked', async () => {
      const body = expectErrorBody(await get('/test/throws', { 'accept-language': 'en-GB,en;q=0.8' }), 500, 'INTERNAL_ERROR')
      expect(body.error.message).toBe(errorMessage('INTERNAL_ERROR', 'en'))
    })

    it('a 5xx status other than 503 on an error still answers a plain 500', async () => {
      const res = await get('/test/status-502')
      expectErrorBody(res, 500, 'INTERNAL_ERROR')
      expect(res.body).not.toContain('hunter2')
    })

    it('a database query bug (not an outage) is a 500', async () => {
      const res = await get('/test/pg-syntax')
      expectErrorBody(res, 500, 'INTERNAL_ERROR')
      expect(res.body).not.toContain('selec')
    })

    it('a response that does not match its schema is a 500, not a leak of the wrong shape', async () => {
      const res = await get('/test/bad-response')
      expectErrorBody(res, 500, 'INTERNAL_ERROR')
      expect(res.body).not.toContain('many')
    })
  })

  describe('a dependency outage', () => {
    it.each(['/test/db-down', '/test/pg-shutting-down', '/test/status-503'])(
      '%s answers 503 SERVICE_UNAVAILABLE with Retry-After',
      async (url) => {
        const res = await get(url)
        const body = expectErrorBody(res, 503, 'SERVICE_UNAVAILABLE')
        expect(body.error.message).toBe(errorMessage('SERVICE_UNAVAILABLE', 'zh'))
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
        expect(res.body).not.toContain('10.0.0.5')
        expect(res.body).not.toContain('hunter2')
      },
    )
  })

  describe('an AppError', () => {
    it('answers with its status and code and sets the headers it carries', async () => {
      const res = await get('/test/rate-limited')
      const body = expectErrorBody(res, 429, 'RATE_LIMITED')
      expect(res.headers['retry-after']).toBe('30')
      expect(res.headers['x-ratelimit-limit']).toBe('5')
      expect(body.error.details).toEqual({ limit: 5 })
      expect(body.error.message).toBe(errorMessage('RATE_LIMITED', 'zh'))
    })

    it('answers without details when it has none, and is not logged as a failure', async () => {
      const res = await get('/test/not-found')
      const body = expectErrorBody(res, 404, 'ITEM_NOT_FOUND')
      expect(body.error).not.toHaveProperty('details')
      expect(logLines.filter((line) => line.level >= 50)).toEqual([])
    })
  })

  describe('bad request bodies', () => {
    const post = (payload: string, contentType = 'application/json') =>
      app.inject({ method: 'POST', url: '/test/echo', headers: { 'content-type': contentType }, payload })

    it('accepts a valid body', async () => {
      const res = await post(JSON.stringify({ name: '张三', age: 30 }))
      expect(res.statusCode).toBe(200)
      expect(res.json()).toEqual({ name: '张三', age: 30 })
    })

    it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
      for (const payload of ['{bad', '', '[1,', '{"name": "a", }']) {
        expectErrorBody(await post(payload), 400, 'MALFORMED_JSON')
      }
    })

    it('answers a content type the route cannot read with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
      for (const contentType of ['application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        expectErrorBody(await post('<a/>', contentType), 415, 'UNSUPPORTED_MEDIA_TYPE')
      }
    })

    it('answers a body over 1 MB with 413 PAYLOAD_TOO_LARGE', async () => {
      expectErrorBody(await post(JSON.stringify({ name: 'x'.repeat(1024 * 1024), age: 1 })), 413, 'PAYLOAD_TOO_LARGE')
    })

    it('answers invalid fields with 400 VALIDATION_FAILED listing each of them', async () => {
      const body = expectErrorBody(await post(JSON.stringify({ name: '', age: -1 })), 400, 'VALIDATION_FAILED')
      const fields = body.error.details.fields.map((f: { field: string }) => f.field)
      expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.age']))
      const missing = expectErrorBody(await post(JSON.stringify({})), 400, 'VALIDATION_FAILED')
      expect(missing.error.details.fields.map((f: { field: string }) => f.field)).toEqual(
        expect.arrayContaining(['body.name', 'body.age']),
      )
    })

    it('never logs a bad request as a server error', async () => {
      await post('{bad')
      await post('<a/>', 'application/xml')
      await post(JSON.stringify({}))
      expect(logLines.filter((line) => line.level >= 50)).toEqual([])
    })
  })
})

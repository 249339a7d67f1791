import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { Value } from '@sinclair/typebox/value'
import { HealthSchema, ItemListSchema, ReadinessSchema } from '@/domain/contract'
import { buildApp } from '../../server/app'
import { ManualClock } from '../../server/clock'
import { openDatabase, type DatabaseHandle } from '../../server/db/connect'
import { connectRedis } from '../../server/redis'
import { createTestApp, WEDNESDAY_10AM, type TestApp } from './support/testApp'
import { expectErrorBody } from './support/expectErrorBody'

// Nothing listens on port 1: connections are refused at once, as when a database or Redis is down.
const CLOSED_PORT_PG = 'postgres://postgres@127.0.0.1:1/test'
const CLOSED_PORT_REDIS = 'redis://127.0.0.1:1'

const redisSkipReason = process.env.REDIS_URL ? null : 'REDIS_URL is not set: readiness against a real Redis skipped'
const postgresSkipReason = process.env.DATABASE_URL ? null : 'DATABASE_URL is not set: PostgreSQL readiness skipped'

/**
 * Stops a client that never connected. ioredis's disconnect() ends the socket and arms a 2 s timer to destroy it if
 * it does not close; a socket that already failed never closes again, so that timer would hold jest open. Run it now.
 */
function disconnectNow(redis: ReturnType<typeof connectRedis>) {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
  try {
    redis.disconnect()
    jest.runOnlyPendingTimers()
  } finally {
    jest.useRealTimers()
  }
}

describe('health, docs and HTTP behaviour (SQLite)', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp('sqlite')
  })
  afterAll(() => t.close())

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers })

  describe('health', () => {
    it('GET /healthz answers 200 while the process is up', async () => {
      const res = await get('/healthz')
      expect(res.statusCode).toBe(200)
      expect(Value.Check(HealthSchema, res.json())).toBe(true)
      expect(res.json()).toEqual({ status: 'ok' })
    })

    it('GET /readyz answers 200 when the database answers and Redis is not configured', async () => {
      const res = await get('/readyz')
      expect(res.statusCode).toBe(200)
      expect(Value.Check(ReadinessSchema, res.json())).toBe(true)
      expect(res.json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'not_configured' } })
      expect(res.headers['retry-after']).toBeUndefined()
    })
  })

  describe('OpenAPI and docs', () => {
    let spec: Record<string, any>
    beforeAll(async () => {
      const res = await get('/api/v1/openapi.json')
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toMatch(/^application\/json/)
      spec = res.json()
    })

    /** Follows a local JSON pointer like "#/components/schemas/Hall". */
    const resolve = (node: any): any => {
      if (!node || typeof node.$ref !== 'string') return node
      expect(node.$ref.startsWith('#/')).toBe(true)
      const target = node.$ref
        .slice(2)
        .split('/')
        .map((part: string) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce((at: any, part: string) => (at === undefined ? undefined : at[part]), spec)
      expect(target).toBeDefined()
      return resolve(target)
    }

    const operations = () =>
      Object.entries<Record<string, any>>(spec.paths).flatMap(([route, item]) =>
        Object.entries<any>(item)
          .filter(([method]) => ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(method))
          .map(([method, op]) => ({ route, method, op })),
      )

    it('is an OpenAPI 3 document with a title, a version and paths', () => {
      expect(spec.openapi).toMatch(/^3\.\d+\.\d+$/)
      expect(typeof spec.info.title).toBe('string')
      expect(spec.info.title.length).toBeGreaterThan(0)
      expect(typeof spec.info.version).toBe('string')
      expect(typeof spec.paths).toBe('object')
      expect(spec.swagger).toBeUndefined()
    })

    it('documents the catalog and hall endpoints', () => {
      expect(Object.keys(spec.paths)).toEqual(
        expect.arrayContaining(['/api/v1/items', '/api/v1/items/{code}', '/api/v1/topics', '/api/v1/halls', '/api/v1/halls/{id}']),
      )
      expect(spec.paths['/api/v1/halls'].get).toBeDefined()
      // The document does not describe itself.
      expect(spec.paths['/api/v1/openapi.json']).toBeUndefined()
    })

    it('is well formed: responses with descriptions, declared path parameters, resolvable references', () => {
      for (const { route, method, op } of operations()) {
        const where = `${method.toUpperCase()} ${route}`
        expect([where, Object.keys(op.responses ?? {}).length > 0]).toEqual([where, true])
        for (const [status, response] of Object.entries<any>(op.responses)) {
          expect([where, status, /^([1-5]\d\d|[1-5]XX|default)$/.test(status)]).toEqual([where, status, true])
          expect([where, status, typeof resolve(response).description]).toEqual([where, status, 'string'])
        }
        const pathParams = (op.parameters ?? []).filter((p: any) => resolve(p).in === 'path').map((p: any) => resolve(p))
        for (const name of Array.from(route.matchAll(/\{([^}]+)\}/g), (m) => m[1])) {
          const param = pathParams.find((p: any) => p.name === name)
          expect([where, name, param?.required]).toEqual([where, name, true])
        }
      }
      // Every $ref anywhere in the document points at something that exists.
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(walk)
        else if (node && typeof node === 'object') {
          if (typeof (node as any).$ref === 'string') resolve(node)
          Object.values(node).forEach(walk)
        }
      }
      walk(spec)
    })

    it('documents error answers with the contract error body', () => {
      const expectErrorSchema = (route: string, status: string) => {
        const response = resolve(spec.paths[route].get.responses[status])
        const schema = resolve(response.content['application/json'].schema)
        expect(schema.required).toContain('error')
        const error = resolve(schema.properties.error)
        expect(error.required).toEqual(expect.arrayContaining(['code', 'message']))
        expect(Object.keys(error.properties)).toEqual(expect.arrayContaining(['code', 'message', 'details']))
      }
      for (const route of ['/api/v1/items', '/api/v1/items/{code}', '/api/v1/halls', '/api/v1/halls/{id}']) {
        expectErrorSchema(route, '400')
      }
      for (const route of ['/api/v1/items/{code}', '/api/v1/halls', '/api/v1/halls/{id}']) {
        expectErrorSchema(route, '404')
      }
    })

    it('documents the hall shape of GET /api/v1/halls', () => {
      const schema = resolve(spec.paths['/api/v1/halls'].get.responses['200'].content['application/json'].schema)
      expect(schema.type).toBe('array')
      const hall = resolve(schema.items)
      expect(Object.keys(hall.properties)).toEqual(
        expect.arrayContaining(['id', 'name', 'level', 'distanceM', 'openNow', 'hoursToday', 'selfService24h', 'queue']),
      )
      const params = spec.paths['/api/v1/halls'].get.parameters.map((p: any) => resolve(p))
      expect(params.filter((p: any) => p.in === 'query').map((p: any) => p.name)).toEqual(
        expect.arrayContaining(['lat', 'lng', 'item']),
      )
    })

    it('GET /docs serves a human-readable HTML page', async () => {
      let res = await get('/docs')
      for (let hops = 0; hops < 3 && res.statusCode >= 300 && res.statusCode < 400; hops++) {
        res = await get(new URL(String(res.headers.location), 'http://localhost/docs').pathname)
      }
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toMatch(/^text\/html/)
      expect(res.body).toMatch(/<html/i)
    })
  })

  describe('errors in the contract shape, never a 500', () => {
    it('answers an unknown API route with 404 ROUTE_NOT_FOUND JSON, whatever the method or Accept', async () => {
      expectErrorBody(await get('/api/v1/nope'), 404, 'ROUTE_NOT_FOUND')
      expectErrorBody(await get('/api/v1/nope', { accept: 'text/html' }), 404, 'ROUTE_NOT_FOUND')
      expectErrorBody(await t.app.inject({ method: 'DELETE', url: '/api/v1/halls' }), 404, 'ROUTE_NOT_FOUND')
      const en = expectErrorBody(await get('/api/v1/nope', { 'accept-language': 'en' }), 404, 'ROUTE_NOT_FOUND')
      expect(en.error.message).toMatch(/does not exist/)
    })

    it('answers a page address with 404 JSON when no H5 build is served', async () => {
      expectErrorBody(await get('/pages/guide/index?code=1', { accept: 'text/html' }), 404, 'ROUTE_NOT_FOUND')
      expectErrorBody(await get('/'), 404, 'ROUTE_NOT_FOUND')
    })

    it('answers a malformed JSON body with 400 MALFORMED_JSON', async () => {
      for (const payload of ['{bad', '', '{"a":', '{"__proto__":{"admin":true}}']) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/items',
          headers: { 'content-type': 'application/json' },
          payload,
        })
        expectErrorBody(res, 400, 'MALFORMED_JSON')
      }
    })

    it('answers an unreadable content type with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
      for (const contentType of ['garbage', '']) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/items',
          headers: { 'content-type': contentType },
          payload: 'a=1',
        })
        expectErrorBody(res, 415, 'UNSUPPORTED_MEDIA_TYPE')
      }
    })

    it('answers a body over the size limit with 413 PAYLOAD_TOO_LARGE', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/items',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ text: 'x'.repeat(1024 * 1024) }),
      })
      expectErrorBody(res, 413, 'PAYLOAD_TOO_LARGE')
    })

    it('answers addresses the router cannot read with 400 VALIDATION_FAILED JSON', async () => {
      for (const url of ['/api/v1/items/%ZZ', '/api/%E4%ZZ', `/api/v1/items/${'1'.repeat(120)}`]) {
        const res = await get(url)
        expectErrorBody(res, 400, 'VALIDATION_FAILED')
        expect(res.headers['x-content-type-options']).toBe('nosniff')
      }
    })

    it('answers numbers too large to represent with 400, not a database error', async () => {
      for (const [url, field] of [
        ['/api/v1/items?limit=1e400', 'query.limit'],
        ['/api/v1/items?offset=1e400', 'query.offset'],
        ['/api/v1/items?limit=Infinity', 'query.limit'],
      ]) {
        const body = expectErrorBody(await get(url), 400, 'VALIDATION_FAILED')
        expect(body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field)
      }
    })
  })

  describe('response headers and compression', () => {
    it('sends nosniff and a same-origin referrer policy on answers and errors alike', async () => {
      for (const url of ['/healthz', '/api/v1/halls', '/api/v1/halls/nope', '/api/v1/nope', '/api/v1/openapi.json']) {
        const res = await get(url)
        expect([url, res.headers['x-content-type-options']]).toEqual([url, 'nosniff'])
        expect([url, res.headers['referrer-policy']]).toEqual([url, 'same-origin'])
      }
    })

    it('compresses a large answer with gzip when the client accepts it', async () => {
      const res = await get('/api/v1/items?limit=50', { 'accept-encoding': 'gzip' })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-encoding']).toBe('gzip')
      expect(String(res.headers.vary)).toMatch(/accept-encoding/i)
      const body = JSON.parse(zlib.gunzipSync(res.rawPayload).toString('utf8'))
      expect(Value.Check(ItemListSchema, body)).toBe(true)
      expect(body.items).toHaveLength(50)
      expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(JSON.stringify(body)))
    })

    it('prefers brotli when offered, and sends plain JSON to a client that accepts no encoding', async () => {
      const br = await get('/api/v1/items?limit=50', { 'accept-encoding': 'gzip, br' })
      expect(br.headers['content-encoding']).toBe('br')
      expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString('utf8')).items).toHaveLength(50)
      const plain = await get('/api/v1/items?limit=50')
      expect(plain.headers['content-encoding']).toBeUndefined()
      expect(plain.json().items).toHaveLength(50)
    })

    it('leaves answers under 1 KB uncompressed', async () => {
      const res = await get('/healthz', { 'accept-encoding': 'gzip' })
      expect(res.headers['content-encoding']).toBeUndefined()
      expect(res.json()).toEqual({ status: 'ok' })
    })
  })
})

describe('serving the built H5 app', () => {
  let t: TestApp
  let h5Dir: string
  const INDEX = '<!doctype html><html><head><title>办事通</title></head><body><div id="app"></div></body></html>'

  beforeAll(async () => {
    h5Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-h5-'))
    fs.mkdirSync(path.join(h5Dir, 'js'))
    fs.writeFileSync(path.join(h5Dir, 'index.html'), INDEX)
    fs.writeFileSync(path.join(h5Dir, 'js', 'app.1234abcd.js'), 'console.log("app")')
    // What scripts/precompress.mjs writes next to each asset after a build.
    fs.writeFileSync(path.join(h5Dir, 'js', 'app.1234abcd.js.br'), zlib.brotliCompressSync('console.log("app")'))
    fs.writeFileSync(path.join(h5Dir, 'js', 'app.1234abcd.js.gz'), zlib.gzipSync('console.log("app")'))
    fs.writeFileSync(path.join(h5Dir, 'sw.js'), 'self.addEventListener("fetch", () => {})')
    fs.writeFileSync(path.join(h5Dir, 'manifest.webmanifest'), '{"name":"办事通"}')
    t = await createTestApp('sqlite', { h5Dir })
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(h5Dir, { recursive: true, force: true })
  })

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers })

  it('serves index.html at / and makes browsers revalidate it', async () => {
    const res = await get('/')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    expect(res.headers['cache-control']).toBe('no-cache')
    expect(res.body).toBe(INDEX)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('lets browsers keep hashed assets for a year', async () => {
    const res = await get('/js/app.1234abcd.js')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/javascript/)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('sends the pre-compressed copy a browser accepts, cached as long as the asset itself', async () => {
    for (const [encoding, decode] of [['br', zlib.brotliDecompressSync], ['gzip', zlib.gunzipSync]] as const) {
      const res = await get('/js/app.1234abcd.js', { 'accept-encoding': encoding })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-encoding']).toBe(encoding)
      expect(res.headers['content-type']).toMatch(/javascript/)
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
      expect(decode(res.rawPayload).toString()).toBe('console.log("app")')
    }
  })

  it('makes browsers revalidate the service worker and the manifest', async () => {
    for (const url of ['/sw.js', '/manifest.webmanifest']) {
      const res = await get(url)
      expect([url, res.statusCode, res.headers['cache-control']]).toEqual([url, 200, 'no-cache'])
    }
  })

  it('answers a client-side route opened in the browser with the app shell', async () => {
    const res = await get('/pages/guide/index?code=1', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    expect(res.headers['cache-control']).toBe('no-cache')
    expect(res.body).toBe(INDEX)
  })

  it('answers the same path asked for as data with 404 JSON', async () => {
    const res = await get('/pages/guide/index?code=1', { accept: 'application/json' })
    expectErrorBody(res, 404, 'ROUTE_NOT_FOUND')
  })

  it('never answers an API address with the app shell', async () => {
    expectErrorBody(await get('/api/v1/unknown', { accept: 'text/html' }), 404, 'ROUTE_NOT_FOUND')
    expectErrorBody(await get('/api/v1/halls/nope', { accept: 'text/html' }), 404, 'HALL_NOT_FOUND')
    const api = await get('/api/v1/halls', { accept: 'text/html' })
    expect(api.statusCode).toBe(200)
    expect(api.headers['content-type']).toMatch(/^application\/json/)
  })

  it('does not serve files from outside the build folder', async () => {
    for (const url of ['/../package.json', '/%2e%2e/package.json', '/js/..%2f..%2fpackage.json']) {
      const res = await get(url)
      expect([url, res.statusCode]).toEqual([url, 404])
      expect(res.body).not.toMatch(/"name": ?"banshi"/)
    }
  })

  it('keeps health checks and docs working alongside the app', async () => {
    expect((await get('/healthz')).statusCode).toBe(200)
    expect((await get('/docs')).headers['content-type']).toMatch(/^text\/html/)
  })
})

describe('readiness when a dependency is down', () => {
  const clock = new ManualClock(WEDNESDAY_10AM)

  it('answers 503 with Retry-After once the database is closed, and API calls 503 too, never 500', async () => {
    const t = await createTestApp('sqlite')
    try {
      expect((await t.app.inject('/readyz')).statusCode).toBe(200)
      await t.database.close()
      const res = await t.app.inject('/readyz')
      expect(res.statusCode).toBe(503)
      expect(res.headers['retry-after']).toBeDefined()
      expect(Value.Check(ReadinessSchema, res.json())).toBe(true)
      expect(res.json()).toEqual({ status: 'not_ready', checks: { database: 'down', redis: 'not_configured' } })
      const api = await t.app.inject('/api/v1/halls')
      expectErrorBody(api, 503, 'SERVICE_UNAVAILABLE')
      expect(api.headers['retry-after']).toBeDefined()
    } finally {
      await t.close()
    }
  })

  describe('with PostgreSQL unreachable', () => {
    let database: DatabaseHandle
    let app: FastifyInstance
    beforeAll(async () => {
      database = await openDatabase({ databaseUrl: CLOSED_PORT_PG })
      app = await buildApp({ db: database.db, clock })
      await app.ready()
    })
    afterAll(async () => {
      await app.close()
      await database.close()
    })

    it('answers /readyz with 503, Retry-After and database down', async () => {
      const res = await app.inject('/readyz')
      expect(res.statusCode).toBe(503)
      expect(res.headers['retry-after']).toBeDefined()
      expect(res.json()).toEqual({ status: 'not_ready', checks: { database: 'down', redis: 'not_configured' } })
    })

    it('answers API calls with 503 SERVICE_UNAVAILABLE and Retry-After, never a 500', async () => {
      for (const url of ['/api/v1/halls', '/api/v1/items', '/api/v1/items/010100010000', '/api/v1/topics']) {
        const res = await app.inject(url)
        expectErrorBody(res, 503, 'SERVICE_UNAVAILABLE')
        expect(res.headers['retry-after']).toBeDefined()
      }
    })

    it('still answers /healthz with 200: the process itself is fine', async () => {
      expect((await app.inject('/healthz')).statusCode).toBe(200)
    })
  })

  describe('with Redis unreachable', () => {
    let database: DatabaseHandle
    let redis: ReturnType<typeof connectRedis>
    let app: FastifyInstance
    beforeAll(async () => {
      database = await openDatabase({ sqliteFile: ':memory:' })
      redis = connectRedis(CLOSED_PORT_REDIS)
      app = await buildApp({ db: database.db, clock, redis })
      await app.ready()
    })
    afterAll(async () => {
      await app.close()
      disconnectNow(redis)
      await database.close()
    })

    it('answers /readyz with 503 and redis down at once, without waiting for a reconnect', async () => {
      const res = await app.inject('/readyz')
      expect(res.statusCode).toBe(503)
      expect(res.headers['retry-after']).toBeDefined()
      expect(Value.Check(ReadinessSchema, res.json())).toBe(true)
      expect(res.json()).toEqual({ status: 'not_ready', checks: { database: 'ok', redis: 'down' } })
    })
  })
})

describe('readiness against real services', () => {
  if (redisSkipReason) {
    it.skip(redisSkipReason, () => {})
  } else {
    it('answers /readyz with 200 and redis ok when Redis answers', async () => {
      const database = await openDatabase({ sqliteFile: ':memory:' })
      const redis = connectRedis(process.env.REDIS_URL as string)
      const app = await buildApp({ db: database.db, clock: new ManualClock(WEDNESDAY_10AM), redis })
      try {
        await app.ready()
        if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve))
        const res = await app.inject('/readyz')
        expect(res.statusCode).toBe(200)
        expect(res.json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok' } })
      } finally {
        await app.close()
        await redis.quit()
        await database.close()
      }
    })
  }

  if (postgresSkipReason) {
    it.skip(postgresSkipReason, () => {})
  } else {
    it('answers /readyz with 200 and database ok on PostgreSQL', async () => {
      const t = await createTestApp('postgres')
      try {
        const res = await t.app.inject('/readyz')
        expect(res.statusCode).toBe(200)
        expect(res.json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'not_configured' } })
      } finally {
        await t.close()
      }
    })
  }
})

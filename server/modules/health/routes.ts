import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { HealthSchema, ReadinessSchema, type Readiness } from '../../../src/domain/contract'
import { pingDatabase } from '../../db/connect'

const CHECK_TIMEOUT_MS = 2000

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    { schema: { tags: ['health'], summary: 'The process is up', response: { 200: HealthSchema } }, logLevel: 'warn' },
    () => ({ status: 'ok' as const }),
  )

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: 'The database (and Redis, when configured) answer',
        response: { 200: ReadinessSchema, 503: ReadinessSchema },
      },
      logLevel: 'warn',
    },
    async (request, reply) => {
      const checks: Readiness['checks'] = { database: 'ok', redis: 'not_configured' }
      try {
        await withTimeout(pingDatabase(app.db), CHECK_TIMEOUT_MS)
      } catch (error) {
        request.log.warn({ err: error }, 'readiness: database did not answer')
        checks.database = 'down'
      }
      if (app.redis) {
        try {
          await withTimeout(app.redis.ping(), CHECK_TIMEOUT_MS)
          checks.redis = 'ok'
        } catch (error) {
          request.log.warn({ err: error }, 'readiness: redis did not answer')
          checks.redis = 'down'
        }
      }
      const ready = checks.database === 'ok' && checks.redis !== 'down'
      if (!ready) reply.code(503).header('Retry-After', '5')
      return { status: ready ? ('ready' as const) : ('not_ready' as const), checks }
    },
  )
}

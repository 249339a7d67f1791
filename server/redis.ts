import { performance } from 'node:perf_hooks'
import { Redis } from 'ioredis'
import type { FastifyBaseLogger } from 'fastify'

/**
 * A Redis client that never queues commands while disconnected: callers (readiness, later the live bus) get an
 * immediate error instead of a request that hangs, and the client keeps reconnecting in the background.
 */
export function connectRedis(url: string, log?: FastifyBaseLogger): Redis {
  const client = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(200 * attempt, 2000),
  })
  let lastLogged = Number.NEGATIVE_INFINITY
  client.on('error', (error) => {
    // Monotonic time for log throttling only; nothing a user sees depends on it, so not the clock module.
    const now = performance.now()
    if (now - lastLogged > 30_000) {
      lastLogged = now
      log?.warn({ err: error }, 'redis connection problem')
    }
  })
  return client
}

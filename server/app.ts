import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import compress from '@fastify/compress'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import type { Redis } from 'ioredis'
import type { Database } from './db/schema'
import type { Clock } from './clock'
import { registerErrorHandler, sendError, sendFrameworkError } from './http/errorHandler'
import { openApiRoute, registerOpenApi } from './plugins/openapi'
import { registerWebApp, webAppAvailable } from './plugins/webApp'
import { healthRoutes } from './modules/health/routes'
import { catalogRoutes } from './modules/catalog/routes'
import { hallRoutes } from './modules/halls/routes'
import { authRoutes } from './modules/auth/routes'
import { meRoutes } from './modules/me/routes'
import { staffRoutes } from './modules/staff/routes'
import { adminRoutes } from './modules/admin/routes'
import { ephemeralAuthSettings, type AuthSettings } from './modules/auth/settings'
import { registerAccessControl } from './http/access'
import { CatalogSearch } from './modules/catalog/catalogSearch'
import { ViewTally } from './modules/catalog/viewTally'
import { applicationRoutes } from './modules/applications/routes'
import { uploadRoutes } from './modules/uploads/routes'
import { gridRoutes } from './modules/grid/routes'
import { DiskBlobStorage, type BlobStorage } from './storage/blobStorage'
import { queueRoutes } from './modules/queue/routes'
import { queueCheckInTickets } from './modules/queue/checkInTickets'
import { QueueStateCache } from './modules/queue/state'
import type { QueueDeps } from './modules/queue/service'
import { loggingReminders, type QueueReminderHook } from './modules/queue/reminders'
import { busFor, type LiveBus } from './live/bus'
import { liveRoutes, MAX_FRAME_BYTES } from './live/routes'
import { LiveHub } from './live/hub'
import websocket from '@fastify/websocket'
import { appointmentRoutes } from './modules/appointments/routes'
import type { CheckInTickets } from './modules/appointments/checkInTickets'
import { NO_NOTIFICATION_CHANNELS, notificationRoutes, type NotificationRouteSettings } from './modules/notify/routes'
import { startNotifications, type NotificationParts } from './modules/notify/start'
import type { OutboxWorker } from './modules/notify/worker'

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>
    clock: Clock
    redis: Redis | null
    auth: AuthSettings
    catalogSearch: CatalogSearch
    guideViews: ViewTally
    /** The live queue's moving parts: hall state cache, event bus, reminder hook. */
    queue: QueueDeps
    /** This node's live sockets. */
    liveHub: LiveHub
    /** This node's notification outbox worker; null when the app was built without notifications. */
    notifications: OutboxWorker | null
  }
}

export interface AppDeps {
  db: Kysely<Database>
  clock: Clock
  redis?: Redis | null
  /** Built H5 app; served at / when it exists. */
  h5Dir?: string
  /** Keys, sign-in providers and limits; tests get a throwaway key and no external services when omitted. */
  auth?: AuthSettings
  logger?: FastifyServerOptions['logger']
  /** Client addresses come from X-Forwarded-For only behind proxies trusted here (BANSHI_TRUST_PROXY). */
  trustProxy?: boolean | string
  /** The in-memory search index over the catalog; by default one built from `db` on first use. */
  catalogSearch?: CatalogSearch
  /** Uploaded material photos; by default files in a fresh temporary directory (main passes ./data/uploads). */
  blobs?: BlobStorage
  /** Queue events between API nodes; by default Redis pub/sub when `redis` is given, else in-process. */
  bus?: LiveBus
  /** Reminders outside the app (a later notifications issue); by default a debug log line. */
  reminders?: QueueReminderHook
  /** Gives a checked-in appointment its priority queue ticket; by default the live queue's. */
  checkInTickets?: CheckInTickets
  /** What the consent routes tell the app about reminder channels (template ids, VAPID key); by default none. */
  notificationConsent?: NotificationRouteSettings
  /**
   * Channels, words and recipients for reminders outside the app (issue 11): the app then runs this node's outbox
   * worker until it closes. Without them events still enqueue; nothing is sent from this node.
   */
  notifications?: NotificationParts
}

export const API_PREFIX = '/api/v1'

/** `/x?phone=13800138000&a=1` → `/x?phone=…&a=…`: query values can be personal data (a phone, an ID number). */
export function withoutQueryValues(url: string): string {
  const start = url.indexOf('?')
  if (start < 0) return url
  const names = url.slice(start + 1).split('&').map((pair) => `${pair.split('=')[0]}=…`)
  return `${url.slice(0, start)}?${names.join('&')}`
}

/**
 * Log settings shared by the server and tests. The log never holds personal data or secrets: no headers (tokens,
 * cookies), no bodies (codes, passwords, ID numbers), and query strings without their values.
 */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (request: { method: string; url: string; ip?: string }) => ({
        method: request.method,
        url: withoutQueryValues(request.url),
        remoteAddress: request.ip,
      }),
    },
    redact: { paths: ['req.headers', 'res.headers["set-cookie"]'], censor: '[redacted]' },
  }
}

const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin' }

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: deps.trustProxy ?? false,
    // Also lets the "check" ajv keyword set coerce query strings ("20" → 20) as every querystring needs.
    // strictNumbers off: with it on, ajv skips minimum/maximum for a non-finite number, and coercion turns
    // "?limit=1e400" into Infinity after the type check, so Infinity reached the database (a 500).
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: true, allErrors: true, strictNumbers: false } },
    // Routing errors skip hooks and the error handler: answer them in the contract's JSON too.
    frameworkErrors: (error, request, reply) => sendFrameworkError(error, request, reply.headers(SECURITY_HEADERS)),
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.decorate('db', deps.db)
  app.decorate('clock', deps.clock)
  app.decorate('redis', deps.redis ?? null)
  app.decorate('auth', deps.auth ?? ephemeralAuthSettings())
  app.decorate('catalogSearch', deps.catalogSearch ?? new CatalogSearch(deps.db))
  const guideViews = new ViewTally(deps.db)
  guideViews.start()
  app.decorate('guideViews', guideViews)
  app.addHook('onClose', () => guideViews.stop())

  const bus = deps.bus ?? busFor(deps.redis ?? null, app.log)
  // A bus the app made is the app's to close; one passed in belongs to the caller.
  if (!deps.bus) app.addHook('onClose', () => bus.close())
  const states = new QueueStateCache(deps.db, () => deps.clock.now())
  // Changes on other nodes reach this node's cache through the bus.
  bus.subscribe((change) => states.invalidate(change.hallId))
  // Started once the app is ready: at start-up the migrations run after buildApp, and the worker needs their tables.
  let notifications: OutboxWorker | null = null
  app.decorate('notifications', null)
  const notificationParts = deps.notifications
  if (notificationParts) {
    app.addHook('onReady', async () => {
      notifications = startNotifications({ db: deps.db, clock: deps.clock, log: app.log, ...notificationParts })
      app.notifications = notifications
    })
    app.addHook('onClose', async () => notifications?.stop())
  }
  app.decorate('queue', {
    db: deps.db,
    clock: deps.clock,
    states,
    bus,
    reminders: deps.reminders ?? loggingReminders(app.log),
    log: app.log,
    kickNotices: () => notifications?.kick(),
  })

  const liveHub = new LiveHub({ db: deps.db, states, bus, log: app.log })
  app.decorate('liveHub', liveHub)
  app.addHook('preClose', async () => liveHub.close())

  registerErrorHandler(app)
  app.addHook('onSend', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS)
  })

  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] })
  registerAccessControl(app, API_PREFIX)
  // Before every route, so an upgrade request to an ordinary route is refused rather than left hanging.
  await app.register(websocket, { options: { maxPayload: MAX_FRAME_BYTES } })
  await registerOpenApi(app)
  await app.register(healthRoutes)
  await app.register(catalogRoutes, { prefix: API_PREFIX })
  await app.register(hallRoutes, { prefix: API_PREFIX })
  await app.register(authRoutes, { prefix: API_PREFIX })
  await app.register(meRoutes, { prefix: API_PREFIX })
  await app.register(staffRoutes, { prefix: API_PREFIX })
  await app.register(adminRoutes, { prefix: API_PREFIX })
  await app.register(applicationRoutes, { prefix: API_PREFIX })
  await app.register(gridRoutes, { prefix: API_PREFIX })
  await app.register(queueRoutes, { prefix: API_PREFIX })
  await app.register(liveRoutes(liveHub), { prefix: API_PREFIX })
  await app.register(appointmentRoutes(deps.checkInTickets ?? queueCheckInTickets(app.queue)), { prefix: API_PREFIX })
  await app.register(notificationRoutes(deps.notificationConsent ?? NO_NOTIFICATION_CHANNELS), { prefix: API_PREFIX })
  await app.register(uploadRoutes(deps.blobs ?? new DiskBlobStorage(mkdtempSync(path.join(os.tmpdir(), 'banshi-uploads-')))), { prefix: API_PREFIX })
  openApiRoute(app)

  const sendAppShell = deps.h5Dir && webAppAvailable(deps.h5Dir) ? await registerWebApp(app, deps.h5Dir) : null

  app.setNotFoundHandler((request, reply) => {
    const isPageNavigation =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html')
    // Client-side routes (/pages/guide/index?code=…) are the app's pages: answer with the app shell.
    if (sendAppShell && isPageNavigation) return sendAppShell(reply)
    return sendError(request, reply, 404, 'ROUTE_NOT_FOUND')
  })

  return app
}

import path from 'node:path'
import os from 'node:os'
import { buildApp, loggerOptions } from './app'
import { DiskBlobStorage } from './storage/blobStorage'
import { clockFor } from './clock'
import { ConfigError, ignoredSettings, loadConfig } from './config'
import { migrateToLatest, openDatabase } from './db/connect'
import { connectRedis } from './redis'
import { ensureCatalog } from './seed/ensureCatalog'
import { webAppAvailable } from './plugins/webApp'
import { DataKeyError, loadDataKey } from './security/keys'
import { authSettingsFor, type AuthSettings } from './modules/auth/settings'
import { DEMO_PASSWORD, ensureDemoAccounts, type DemoAccount } from './seed/demoAccounts'
import { ensureDemoResidents } from './residents/demoResidents'
import { purgeExpiredSignInData } from './modules/auth/retention'
import { purgeExpiredIdempotencyKeys } from './http/idempotency'
import { QueueSimulator } from './modules/queue/simulator'
import { runAppointmentJob } from './modules/appointments/schedule'
import { ensureDemoSlotTemplates } from './seed/demoSlotTemplates'
import { notificationParts, notificationSetup } from './modules/notify/setup'

const SHUTDOWN_GRACE_MS = 10_000
const PURGE_EVERY_MS = 60 * 60 * 1000
const APPOINTMENT_JOB_EVERY_MS = 60 * 1000

function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((net): net is os.NetworkInterfaceInfo => !!net && net.family === 'IPv4' && !net.internal)
    .map((net) => net.address)
}

/** Settings mistakes end the process with one readable line (exit 2) instead of a stack trace. */
function orExitOnConfigError<T>(read: () => T): T {
  try {
    return read()
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataKeyError) {
      console.error(`Configuration error: ${error.message}`)
      process.exit(2)
    }
    throw error
  }
}

async function main(): Promise<void> {
  const config = orExitOnConfigError(loadConfig)
  const dataKey = orExitOnConfigError(() =>
    loadDataKey({ envKey: config.dataKey, dataDir: config.dataDir, allowGenerated: config.demo || config.devLogin }),
  )

  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  const redis = config.redisUrl ? connectRedis(config.redisUrl) : null
  let simulator: QueueSimulator | null = null
  const auth: AuthSettings = orExitOnConfigError(() => authSettingsFor(config, dataKey.key, redis))
  const clock = clockFor(config)
  const notifications = orExitOnConfigError(() => notificationSetup(config))
  const app = await buildApp({
    db: database.db,
    clock,
    redis,
    auth,
    h5Dir: config.h5Dir,
    logger: loggerOptions(config.logLevel),
    trustProxy: config.trustProxy,
    blobs: new DiskBlobStorage(path.join(config.dataDir, 'uploads')),
    notificationConsent: notifications.routes,
    notifications: notificationParts(config, notifications, { db: database.db, clock, cipher: auth.cipher }),
  })
  for (const note of ignoredSettings(process.env, config)) app.log.warn(note)

  const applied = await migrateToLatest(database.db)
  if (applied.length > 0) app.log.info({ migrations: applied }, 'database migrated')
  const seeded = await ensureCatalog(database.db)
  if (seeded) app.log.info(seeded, 'catalog seeded from the bundled sample data')
  const demoAccounts: DemoAccount[] = config.demo ? await ensureDemoAccounts(database.db, clock.now()) : []
  if (config.demo) {
    const residents = await ensureDemoResidents(database.db, auth.cipher, clock.now())
    if (residents > 0) app.log.info({ residents }, 'synthetic grid residents seeded (demo mode only)')
  }
  const purge = () =>
    Promise.all([purgeExpiredSignInData(database.db, clock.now()), purgeExpiredIdempotencyKeys(database.db, clock.now())])
      .then(([purged, idempotencyKeys]) => app.log.info({ ...purged, idempotencyKeys }, 'expired sign-in data purged'))
      .catch((error) => app.log.warn({ err: error }, 'purging expired sign-in data failed; will retry'))
  await purge()
  setInterval(purge, PURGE_EVERY_MS).unref()
  if (config.demo) {
    const templates = await ensureDemoSlotTemplates(database.db, clock.now())
    if (templates > 0) app.log.info({ templates }, 'demo slot templates set')
  }
  // Slots rolling 14 days ahead, waitlist holds that ran out, no-shows: one pass now, then every minute. A pass
  // never overlaps the previous one.
  let appointmentJobRunning = false
  const appointmentJob = async () => {
    if (appointmentJobRunning) return
    appointmentJobRunning = true
    try {
      const report = await runAppointmentJob(database.db, clock.now())
      if (report.slotsAdded || report.offersExpired || report.noShows) app.log.info(report, 'appointments job')
    } catch (error) {
      app.log.warn({ err: error }, 'appointments job failed; will retry in a minute')
    } finally {
      appointmentJobRunning = false
    }
  }
  await appointmentJob()
  setInterval(() => void appointmentJob(), APPOINTMENT_JOB_EVERY_MS).unref()
  // Build the search index before taking traffic, so the first search is as fast as any other.
  const indexStart = performance.now()
  const index = await app.catalogSearch.rebuild()
  app.log.info({ items: index.size, ms: Math.round(performance.now() - indexStart) }, 'search index built')

  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down: finishing requests in flight')
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting')
      process.exit(1)
    }, SHUTDOWN_GRACE_MS)
    force.unref()
    try {
      await simulator?.stop()
      await app.close()
      await database.close()
      await redis?.quit().catch(() => redis.disconnect())
      process.exit(0)
    } catch (error) {
      app.log.error({ err: error }, 'error during shutdown')
      process.exit(1)
    }
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))

  await app.listen({ port: config.port, host: config.host })
  if (config.simulator) {
    simulator = new QueueSimulator(app.queue)
    await simulator.prepare()
    simulator.start()
  }
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const urls = [`http://localhost:${port}/`, ...lanAddresses().map((ip) => `http://${ip}:${port}/`)]
  const lines = [
    '',
    `  办事通 Banshi is running${config.demo ? ' (demo mode)' : ''}`,
    `  Open:      ${urls[0]}`,
    ...urls.slice(1).map((url) => `  On a phone on the same network: ${url}`),
    `  API docs:  ${urls[0]}docs`,
    `  Database:  ${database.dialect} (${database.location})`,
    `  Redis:     ${config.redisUrl ? 'configured' : 'not configured (in-process events)'}`,
    config.demo ? `  Queues:    ${config.simulator ? 'simulated in the demo halls (BANSHI_SIMULATOR=0 turns it off)' : 'not simulated (BANSHI_SIMULATOR=0)'}` : '',
    webAppAvailable(config.h5Dir) ? '' : `  Note: no H5 build in ${config.h5Dir}; run \`npm run build:h5\` to serve the app.`,
    config.fakeNow ? `  Clock:     starts at ${config.fakeNow.toISOString()} (BANSHI_FAKE_NOW)` : '',
    `  Data key:  ${dataKey.source}`,
    `  Sign-in:   SMS ${auth.sms ? auth.sms.name : 'not configured'}; WeChat ${auth.wechat ? 'configured' : 'not configured (WECHAT_APPID/WECHAT_SECRET)'}` +
      (auth.devLogin ? '; dev sign-in ON (POST /api/v1/auth/dev)' : ''),
    `  Reminders: ${notifications.summary}`,
    ...(demoAccounts.length
      ? [
          `  Demo staff accounts (demo mode only), password "${DEMO_PASSWORD}":`,
          ...demoAccounts.map((account) => `    ${account.username.padEnd(8)} ${account.what}`),
        ]
      : []),
    '',
  ].filter((line, index, all) => line !== '' || index === 0 || index === all.length - 1)
  console.log(lines.join('\n'))
}

main().catch((error) => {
  console.error('Banshi failed to start:', error)
  process.exit(1)
})

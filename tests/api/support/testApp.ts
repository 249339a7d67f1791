import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'
import { buildApp, type AppDeps } from '../../../server/app'
import { ManualClock } from '../../../server/clock'
import { migrateToLatest, openDatabase, type DatabaseHandle, type DialectName } from '../../../server/db/connect'
import { bundledCatalog } from '../../../server/seed/catalogRecords'
import { importCatalog } from '../../../server/seed/catalogImport'
import { bundledGrids, importGrids } from '../../../server/seed/gridRecords'
import { CatalogSearch } from '../../../server/modules/catalog/catalogSearch'

/** SQLite always; PostgreSQL too when DATABASE_URL is set (CI sets it, see .ci/run). */
export const dialects: DialectName[] = process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite']
export const postgresSkipReason = process.env.DATABASE_URL ? null : 'DATABASE_URL is not set: PostgreSQL API tests skipped'

/** A Wednesday inside opening hours, so "open now" answers are deterministic. */
export const WEDNESDAY_10AM = '2026-11-25T10:00:00+08:00'

export interface TestDatabase extends DatabaseHandle {
  dispose(): Promise<void>
}

export async function openTestDatabase(dialect: DialectName, pgPoolSize = 4): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const handle = await openDatabase({ sqliteFile: ':memory:' })
    return { ...handle, dispose: () => handle.close() }
  }
  // Each test file gets its own schema, so files can run in parallel against the one `test` database.
  const schema = `t_${randomBytes(6).toString('hex')}`
  const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL, pgSchema: schema, pgPoolSize })
  return {
    ...handle,
    async dispose() {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(handle.db)
      await handle.close()
    },
  }
}

export interface TestApp {
  app: FastifyInstance
  database: TestDatabase
  clock: ManualClock
  close(): Promise<void>
}

/** `pgPoolSize`: benches that load PostgreSQL from many requests at once give it more connections. */
export async function createTestApp(dialect: DialectName, options: Partial<AppDeps> = {}, pgPoolSize = 4): Promise<TestApp> {
  const database = await openTestDatabase(dialect, pgPoolSize)
  await migrateToLatest(database.db)
  await importCatalog(database.db, bundledCatalog())
  await importGrids(database.db, bundledGrids())
  const clock = new ManualClock(WEDNESDAY_10AM)
  // Check the catalog revision on every search, so a test that re-imports sees the new catalog at once.
  const catalogSearch = new CatalogSearch(database.db, { revisionCheckMs: 0 })
  const app = await buildApp({ db: database.db, clock, catalogSearch, ...options })
  await app.ready()
  return {
    app,
    database,
    clock,
    async close() {
      await app.close()
      await database.dispose()
    },
  }
}

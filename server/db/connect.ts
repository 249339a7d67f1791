import fs from 'node:fs'
import path from 'node:path'
import { Kysely, Migrator, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type MigrationProvider, type SqliteDatabase } from 'kysely'
import type { Database as SqliteConnection, Statement } from 'better-sqlite3'
import type { Database } from './schema'
import { migrations } from './migrations'

export type DialectName = 'sqlite' | 'postgres'

export interface DatabaseHandle {
  db: Kysely<Database>
  dialect: DialectName
  /** Where the data lives, for the start-up banner (file path, or the URL without its password). */
  location: string
  close(): Promise<void>
}

export interface OpenOptions {
  databaseUrl?: string | null
  /** SQLite: the file goes here as banshi.sqlite; ':memory:' for a throwaway database. */
  dataDir?: string
  sqliteFile?: string
  /** PostgreSQL: run in this schema (created when missing); tests use one schema each. */
  pgSchema?: string
  pgPoolSize?: number
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'postgres (unparseable URL)'
  }
}

async function openPostgres(url: string, options: OpenOptions): Promise<DatabaseHandle> {
  const { default: pg } = await import('pg')
  const schema = options.pgSchema
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`)
  const pool = new pg.Pool({
    connectionString: url,
    max: options.pgPoolSize ?? 10,
    connectionTimeoutMillis: 5000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  })
  // An idle client that loses its server must not crash the process; the next query reports the outage instead.
  pool.on('error', () => {})
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db)
  return { db, dialect: 'postgres', location: redactUrl(url), close: () => db.destroy() }
}

const STATEMENT_CACHE_SIZE = 500

/**
 * Kysely prepares every query anew; preparing costs more than running a small query. Statements are kept by their
 * SQL text (the queries are parameterized, so the set is small) and reused. better-sqlite3 runs synchronously, so a
 * cached statement is never in use twice at once (nothing here streams results).
 */
function withStatementCache(connection: SqliteConnection): SqliteDatabase {
  const statements = new Map<string, Statement>()
  return {
    close: () => connection.close(),
    prepare(query: string) {
      let statement = statements.get(query)
      if (!statement) {
        statement = connection.prepare(query)
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string)
        statements.set(query, statement)
      }
      return statement
    },
  }
}

async function openSqlite(options: OpenOptions): Promise<DatabaseHandle> {
  const { default: SQLite } = await import('better-sqlite3')
  let file = options.sqliteFile
  if (!file) {
    const dir = options.dataDir ?? path.resolve('data')
    fs.mkdirSync(dir, { recursive: true })
    file = path.join(dir, 'banshi.sqlite')
  }
  const connection = new SQLite(file)
  connection.pragma('journal_mode = WAL')
  connection.pragma('synchronous = NORMAL')
  connection.pragma('foreign_keys = ON')
  connection.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) })
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() }
}

export function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openSqlite(options)
}

const inCodeMigrations: MigrationProvider = { getMigrations: async () => migrations }

/**
 * On PostgreSQL the migration bookkeeping is looked up in the connection's own schema: without that, Kysely counts
 * a `kysely_migration` table in any schema of the database as ours (another deployment, or a parallel test file)
 * and skips creating it here.
 */
async function migrationSchema(db: Kysely<Database>): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  return rows[0]?.schema
}

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: inCodeMigrations, migrationTableSchema: await migrationSchema(db) })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db)
}

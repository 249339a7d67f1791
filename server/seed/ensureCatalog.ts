import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { bundledCatalog } from './catalogRecords'
import { catalogIsEmpty, importCatalog } from './catalogImport'

/** First start: an empty database gets the bundled sample catalog, so the app works with no setup. */
export async function ensureCatalog(db: Kysely<Database>): Promise<{ items: number; halls: number } | null> {
  if (!(await catalogIsEmpty(db))) return null
  return importCatalog(db, bundledCatalog())
}

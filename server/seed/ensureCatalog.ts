import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { bundledCatalog } from './catalogRecords'
import { catalogIsEmpty, importCatalog } from './catalogImport'
import { bundledGrids, importGrids } from './gridRecords'

/** First start: an empty database gets the bundled sample catalog, so the app works with no setup. */
export async function ensureCatalog(db: Kysely<Database>): Promise<{ items: number; halls: number; grids: number } | null> {
  if (!(await catalogIsEmpty(db))) return null
  const counts = await importCatalog(db, bundledCatalog())
  return { ...counts, grids: await importGrids(db, bundledGrids()) }
}

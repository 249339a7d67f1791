import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import gridsJson from './data/grids.json'
import { CatalogFormatError } from './catalogRecords'

/** A community grid (网格): the patch of streets one grid worker looks after, under a community service station. */
export const GridRecordSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  name: Type.String({ minLength: 1 }),
  hallId: Type.String({ minLength: 1, maxLength: 64 }),
})
export type GridRecord = Static<typeof GridRecordSchema>

export function checkGrids(records: unknown): GridRecord[] {
  if (!Array.isArray(records)) throw new CatalogFormatError('grids: expected a list')
  records.forEach((record, index) => {
    if (!Value.Check(GridRecordSchema, record)) throw new CatalogFormatError(`grids[${index}] is not a grid record`)
  })
  return records as GridRecord[]
}

export const bundledGrids = (): GridRecord[] => checkGrids(gridsJson)

/** Upserts grids by id; grids are never deleted here, since grid workers and residents point at them. */
export async function importGrids(db: Kysely<Database>, grids: GridRecord[]): Promise<number> {
  for (const grid of grids) {
    await db
      .insertInto('grids')
      .values({ id: grid.id, name: grid.name, hall_id: grid.hallId })
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: grid.name, hall_id: grid.hallId }))
      .execute()
  }
  return grids.length
}

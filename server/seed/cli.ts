// `npm run seed`: migrate, then (re-)import the catalog: the bundled sample, or a catalog given as
// `-- --items path/to/items.json --halls path/to/halls.json --grids path/to/grids.json` in the same format.
import fs from 'node:fs'
import { loadConfig } from '../config'
import { migrateToLatest, openDatabase } from '../db/connect'
import { bundledCatalog, checkHalls, checkItems, CatalogFormatError } from './catalogRecords'
import { importCatalog } from './catalogImport'
import { bundledGrids, checkGrids, importGrids } from './gridRecords'

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? process.argv[index + 1] : undefined
}

async function run(): Promise<void> {
  const config = loadConfig()
  const itemsPath = argValue('items')
  const hallsPath = argValue('halls')
  const gridsPath = argValue('grids')
  const bundled = bundledCatalog()
  const catalog = {
    items: itemsPath ? checkItems(JSON.parse(fs.readFileSync(itemsPath, 'utf8'))) : bundled.items,
    halls: hallsPath ? checkHalls(JSON.parse(fs.readFileSync(hallsPath, 'utf8'))) : bundled.halls,
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  try {
    const applied = await migrateToLatest(database.db)
    const counts = await importCatalog(database.db, catalog)
    const grids = await importGrids(database.db, gridsPath ? checkGrids(JSON.parse(fs.readFileSync(gridsPath, 'utf8'))) : bundledGrids())
    console.log(
      `Seeded ${database.dialect} (${database.location}): ${counts.items} items, ${counts.halls} halls, ${grids} grids` +
        (applied.length ? `; migrations applied: ${applied.join(', ')}` : ''),
    )
  } finally {
    await database.close()
  }
}

run().catch((error) => {
  console.error(error instanceof CatalogFormatError ? `Catalog file is not valid: ${error.message}` : error)
  process.exit(1)
})

import { bundledCatalog, checkItems, checkHalls } from '../server/seed/catalogRecords'
import { importCatalog } from '../server/seed/catalogImport'
import { openDatabase, migrateToLatest } from '../server/db/connect'
async function main() {
  const c = bundledCatalog()
  const bad = structuredClone(c.items); (bad[3] as any).promisedDays = -1
  try { checkItems(bad) } catch (e) { console.log((e as Error).message) }
  const bad2 = structuredClone(c.halls); (bad2[2] as any).hours = { 'mon-fri': [['9am', '18:00']] }
  try { checkHalls(bad2) } catch (e) { console.log((e as Error).message) }
  try { checkHalls({}) } catch (e) { console.log((e as Error).message) }
  const dup = [...c.items, c.items[0]]
  try { checkItems(dup) } catch (e) { console.log((e as Error).message) }
  const duph = [...c.halls, c.halls[0]]
  try { checkHalls(duph); console.log('dup halls accepted') } catch (e) { console.log((e as Error).message) }
  for (const url of [undefined, 'postgres://postgres@127.0.0.1:5432/test']) {
    const h = await openDatabase(url ? { databaseUrl: url, pgSchema: 'probe_x' } : { sqliteFile: ':memory:' })
    await migrateToLatest(h.db)
    try { await importCatalog(h.db, { items: c.items, halls: duph }); console.log('imported dup halls') } catch (e) { console.log('import dup halls failed:', (e as Error).message) }
    const dcat = structuredClone(c.halls); dcat[0].categories.push({ id: 'A', name: 'x' })
    try { await importCatalog(h.db, { items: c.items, halls: dcat }); console.log('imported dup cats') } catch (e) { console.log('import dup cats failed:', (e as Error).message) }
    if (url) { const { sql } = await import('kysely'); await sql`drop schema probe_x cascade`.execute(h.db) }
    await h.close()
  }
}
main()

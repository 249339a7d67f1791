import { sql } from 'kysely'
import { openDatabase, pingDatabase } from '../server/db/connect'
async function main() {
  const h = await openDatabase({ sqliteFile: ':memory:' })
  await h.close()
  try { const r = await sql`select 1 as x`.execute(h.db); console.log('after destroy', r) } catch (e) { console.log('threw', e) }
  try { const r = await h.db.selectFrom('halls').selectAll().execute(); console.log('after destroy', r) } catch (e) { console.log('threw', (e as Error).message) }
  const h2 = await openDatabase({ sqliteFile: ':memory:' })
  try { await pingDatabase(h2.db); console.log('fresh ping ok') } catch (e) { console.log('threw', e) }
}
main()

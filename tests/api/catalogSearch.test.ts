import { CatalogSearch } from '../../server/modules/catalog/catalogSearch'
import { migrateToLatest } from '../../server/db/connect'
import { bundledCatalog } from '../../server/seed/catalogRecords'
import { importCatalog } from '../../server/seed/catalogImport'
import { dialects, openTestDatabase, postgresSkipReason, type TestDatabase } from './support/testApp'

describe.each(dialects)('keeping the search index in step with the database on %s', (dialect) => {
  let database: TestDatabase
  let now = 0
  beforeAll(async () => {
    database = await openTestDatabase(dialect)
    await migrateToLatest(database.db)
    await importCatalog(database.db, bundledCatalog())
  })
  afterAll(() => database.dispose())

  const firstFor = async (search: CatalogSearch, q: string) => (await search.current()).search(q).hits[0]?.doc.code

  it('trusts a built index for a while, then notices a re-import by its revision', async () => {
    const search = new CatalogSearch(database.db, { revisionCheckMs: 1000, now: () => now })
    const first = await search.current()
    const catalog = bundledCatalog()
    const renamed = catalog.items.map((item) => (item.code === '020500010000' ? { ...item, name: '收养登记(涉外)' } : item))
    await importCatalog(database.db, { items: renamed, halls: catalog.halls })
    now += 500
    expect(await search.current()).toBe(first)
    now += 600
    expect(await firstFor(search, '涉外')).toBe('020500010000')
    await importCatalog(database.db, catalog)
  })

  it('counts views in place and re-reads them from the database now and then, without waiting', async () => {
    const search = new CatalogSearch(database.db, { revisionCheckMs: 0, viewsRefreshMs: 1000, now: () => now })
    // The 居民身份证 items match equally well (none exactly, none as a prefix): the most viewed goes first.
    expect(await firstFor(search, '居民身份证')).toBe('010100010000')
    search.countView('010100030000')
    expect(await firstFor(search, '居民身份证')).toBe('010100030000')

    await database.db.updateTable('items').set({ views: 50 }).where('code', '=', '010100020000').execute()
    now += 2000
    await search.current() // starts the re-read
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await firstFor(search, '居民身份证')).toBe('010100020000')
  })
})

if (postgresSkipReason) {
  it.skip(postgresSkipReason, () => {})
}

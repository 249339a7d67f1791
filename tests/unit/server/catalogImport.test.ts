import type { Kysely } from 'kysely'
import type { Database } from '../../../server/db/schema'
import { migrateToLatest } from '../../../server/db/connect'
import {
  bundledCatalog,
  CatalogFormatError,
  checkHalls,
  checkItems,
  type HallRecord,
  type ItemRecord,
} from '../../../server/seed/catalogRecords'
import { catalogIsEmpty, hallsForItem, importCatalog } from '../../../server/seed/catalogImport'
import { ensureCatalog } from '../../../server/seed/ensureCatalog'
import { bundledGrids } from '../../../server/seed/gridRecords'
import { dialects, openTestDatabase, postgresSkipReason, type TestDatabase } from '../../api/support/testApp'

const SAMPLE_ITEMS = 177
const SAMPLE_HALLS = 25
const ID_CARD = '010100010000' // 居民身份证申领: district + street

const sample = () => structuredClone(bundledCatalog())

async function counts(db: Kysely<Database>) {
  const count = async (table: keyof Database) => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
  return {
    items: await count('items'),
    halls: await count('halls'),
    itemTopics: await count('item_topics'),
    itemHalls: await count('item_halls'),
    hallCategories: await count('hall_categories'),
  }
}

function expectedCounts(catalog: { items: ItemRecord[]; halls: HallRecord[] }) {
  return {
    items: catalog.items.length,
    halls: catalog.halls.length,
    itemTopics: catalog.items.reduce((sum, item) => sum + new Set(item.topics).size, 0),
    itemHalls: catalog.items.reduce((sum, item) => sum + hallsForItem(item, catalog.halls).length, 0),
    hallCategories: catalog.halls.reduce((sum, hall) => sum + hall.categories.length, 0),
  }
}

const linkedHalls = async (db: Kysely<Database>, code: string) =>
  (await db.selectFrom('item_halls').select('hall_id').where('item_code', '=', code).orderBy('hall_id').execute()).map(
    (row) => row.hall_id,
  )

describe.each(dialects)('catalog import on %s', (dialect) => {
  let database: TestDatabase
  let db: Kysely<Database>
  beforeEach(async () => {
    database = await openTestDatabase(dialect)
    db = database.db
    await migrateToLatest(db)
  })
  afterEach(() => database.dispose())

  it('imports the bundled catalog with its topic, hall and category links', async () => {
    const catalog = sample()
    expect(await importCatalog(db, catalog)).toEqual({ items: SAMPLE_ITEMS, halls: SAMPLE_HALLS })
    expect(await counts(db)).toEqual(expectedCounts(catalog))
    expect(await linkedHalls(db, ID_CARD)).toHaveLength(7)
    const item = await db.selectFrom('items').selectAll().where('code', '=', ID_CARD).executeTakeFirstOrThrow()
    expect(item).toMatchObject({ name: '居民身份证申领', promised_days: 20, anywhere: 1, appointment: 1, views: 0 })
    expect(JSON.parse(item.levels)).toEqual(['district', 'street'])
  })

  it('is idempotent: a second import gives the same rows and rebuilds the links', async () => {
    const catalog = sample()
    await importCatalog(db, catalog)
    const first = await counts(db)
    // Links that the catalog does not imply are dropped by the next import.
    await db.deleteFrom('item_topics').where('item_code', '=', ID_CARD).execute()
    await db.insertInto('item_halls').values({ item_code: ID_CARD, hall_id: 'lh-guanhu-luhu' }).execute()

    expect(await importCatalog(db, catalog)).toEqual({ items: SAMPLE_ITEMS, halls: SAMPLE_HALLS })
    expect(await counts(db)).toEqual(first)
    expect(await linkedHalls(db, ID_CARD)).not.toContain('lh-guanhu-luhu')
    const topics = await db.selectFrom('item_topics').select('topic').where('item_code', '=', ID_CARD).execute()
    expect(topics.map((row) => row.topic).sort()).toEqual(['户籍办理', '证件办理'])
  })

  it('keeps view counts through a re-import', async () => {
    await importCatalog(db, sample())
    await db.updateTable('items').set({ views: 42 }).where('code', '=', ID_CARD).execute()
    await importCatalog(db, sample())
    const row = await db.selectFrom('items').select('views').where('code', '=', ID_CARD).executeTakeFirstOrThrow()
    expect(Number(row.views)).toBe(42)
  })

  it('updates changed records in place', async () => {
    await importCatalog(db, sample())
    const catalog = sample()
    const item = catalog.items.find((record) => record.code === ID_CARD)!
    item.name = '居民身份证申领(新)'
    item.levels = ['district']
    item.topics = ['证件办理']
    const hall = catalog.halls.find((record) => record.id === 'lh-district')!
    hall.windows = 31
    hall.categories = [{ id: 'V', name: '优先窗口' }, { id: 'A', name: '综合受理' }]
    await importCatalog(db, catalog)

    const row = await db.selectFrom('items').selectAll().where('code', '=', ID_CARD).executeTakeFirstOrThrow()
    expect(row.name).toBe('居民身份证申领(新)')
    expect(await linkedHalls(db, ID_CARD)).toEqual(['lh-district'])
    const topics = await db.selectFrom('item_topics').select('topic').where('item_code', '=', ID_CARD).execute()
    expect(topics.map((t) => t.topic)).toEqual(['证件办理'])
    const hallRow = await db.selectFrom('halls').selectAll().where('id', '=', 'lh-district').executeTakeFirstOrThrow()
    expect(hallRow.windows).toBe(31)
    const categories = await db
      .selectFrom('hall_categories')
      .select(['id', 'name'])
      .where('hall_id', '=', 'lh-district')
      .orderBy('position')
      .execute()
    expect(categories).toEqual([{ id: 'V', name: '优先窗口' }, { id: 'A', name: '综合受理' }])
  })

  it('removes an item left out of the import, with its topic and hall links', async () => {
    await importCatalog(db, sample())
    const catalog = sample()
    catalog.items = catalog.items.filter((item) => item.code !== ID_CARD)
    expect(await importCatalog(db, catalog)).toEqual({ items: SAMPLE_ITEMS - 1, halls: SAMPLE_HALLS })
    expect(await db.selectFrom('items').select('code').where('code', '=', ID_CARD).executeTakeFirst()).toBeUndefined()
    expect(await db.selectFrom('item_topics').select('topic').where('item_code', '=', ID_CARD).execute()).toEqual([])
    expect(await linkedHalls(db, ID_CARD)).toEqual([])
    expect(await counts(db)).toEqual(expectedCounts(catalog))
  })

  it('removes a hall left out of the import, with its categories and item links', async () => {
    await importCatalog(db, sample())
    const catalog = sample()
    catalog.halls = catalog.halls.filter((hall) => hall.id !== 'lh-minzhi')
    await importCatalog(db, catalog)
    expect(await db.selectFrom('halls').select('id').where('id', '=', 'lh-minzhi').executeTakeFirst()).toBeUndefined()
    expect(await db.selectFrom('hall_categories').select('id').where('hall_id', '=', 'lh-minzhi').execute()).toEqual([])
    expect(await db.selectFrom('item_halls').select('item_code').where('hall_id', '=', 'lh-minzhi').execute()).toEqual([])
    expect(await counts(db)).toEqual(expectedCounts(catalog))
  })

  it('empties the catalog when the import has no items or halls, rather than leaving items without links', async () => {
    await importCatalog(db, sample())
    await importCatalog(db, { items: [], halls: [] })
    expect(await counts(db)).toEqual({ items: 0, halls: 0, itemTopics: 0, itemHalls: 0, hallCategories: 0 })
    expect(await catalogIsEmpty(db)).toBe(true)
  })

  it('leaves the database as it was when an import fails halfway', async () => {
    await importCatalog(db, sample())
    const before = await counts(db)
    const broken = sample()
    // Items are written first; this one then breaks the hall links, halfway through the import.
    broken.items[5] = { ...broken.items[5], levels: null as unknown as ItemRecord['levels'] }
    await expect(importCatalog(db, broken)).rejects.toThrow()
    expect(await counts(db)).toEqual(before)
  })

  describe('ensureCatalog', () => {
    it('seeds an empty database with the bundled catalog', async () => {
      expect(await catalogIsEmpty(db)).toBe(true)
      expect(await ensureCatalog(db)).toEqual({ items: SAMPLE_ITEMS, halls: SAMPLE_HALLS, grids: bundledGrids().length })
      expect(await catalogIsEmpty(db)).toBe(false)
      expect(await counts(db)).toEqual(expectedCounts(sample()))
    })

    it('leaves a database that already has a catalog alone', async () => {
      const own = sample()
      own.items = own.items.slice(0, 3)
      own.items[0].name = '本地修改的事项'
      await importCatalog(db, own)
      expect(await ensureCatalog(db)).toBeNull()
      expect(await counts(db)).toEqual(expectedCounts(own))
      const row = await db.selectFrom('items').select('name').where('code', '=', own.items[0].code).executeTakeFirstOrThrow()
      expect(row.name).toBe('本地修改的事项')
    })
  })
})

if (postgresSkipReason) {
  it.skip(postgresSkipReason, () => {})
}

describe('checking catalog files', () => {
  const errorOf = (fn: () => unknown): Error => {
    try {
      fn()
    } catch (error) {
      return error as Error
    }
    throw new Error('expected a CatalogFormatError')
  }

  it('accepts the bundled catalog', () => {
    const { items, halls } = sample()
    expect(checkItems(items)).toHaveLength(SAMPLE_ITEMS)
    expect(checkHalls(halls)).toHaveLength(SAMPLE_HALLS)
  })

  it('names the index and the path of the first bad item', () => {
    const items: unknown[] = sample().items
    items[3] = { ...(items[3] as ItemRecord), promisedDays: -1 }
    const error = errorOf(() => checkItems(items))
    expect(error).toBeInstanceOf(CatalogFormatError)
    expect(error.message).toMatch(/^items\[3\] \/promisedDays: /)
  })

  it('names a missing field and a bad item code', () => {
    const items: unknown[] = sample().items
    const { name: _name, ...withoutName } = items[0] as ItemRecord
    items[0] = withoutName
    expect(errorOf(() => checkItems(items)).message).toMatch(/^items\[0\] \/name: /)
    const badCode: unknown[] = sample().items
    badCode[10] = { ...(badCode[10] as ItemRecord), code: '12-34' }
    expect(errorOf(() => checkItems(badCode)).message).toMatch(/^items\[10\] \/code: /)
  })

  it('names the index and the path of the first bad hall', () => {
    const halls: unknown[] = sample().halls
    halls[2] = { ...(halls[2] as HallRecord), hours: { 'mon-fri': [['9am', '18:00']] } }
    const error = errorOf(() => checkHalls(halls))
    expect(error).toBeInstanceOf(CatalogFormatError)
    expect(error.message).toMatch(/^halls\[2\] \/hours\/mon-fri\/0\/0: /)
    const level: unknown[] = sample().halls
    level[0] = { ...(level[0] as HallRecord), level: 'city' }
    expect(errorOf(() => checkHalls(level)).message).toMatch(/^halls\[0\] \/level: /)
  })

  it('refuses something that is not a list', () => {
    expect(errorOf(() => checkItems({ items: [] })).message).toBe('items: expected a list')
    expect(errorOf(() => checkHalls('halls')).message).toBe('halls: expected a list')
  })

  it('refuses an item code that appears twice', () => {
    const { items } = sample()
    const error = errorOf(() => checkItems([...items, { ...items[7], name: '重复' }]))
    expect(error).toBeInstanceOf(CatalogFormatError)
    expect(error.message).toBe(`items: code ${items[7].code} appears twice`)
  })

  it('refuses a hall id that appears twice', () => {
    const { halls } = sample()
    const error = errorOf(() => checkHalls([...halls, { ...halls[4], name: '重复' }]))
    expect(error).toBeInstanceOf(CatalogFormatError)
    expect(error.message).toBe(`halls: id ${halls[4].id} appears twice`)
  })

  it('refuses a hall that lists a queue category twice', () => {
    const { halls } = sample()
    halls[0].categories.push({ id: 'B', name: '又一个B' })
    const error = errorOf(() => checkHalls(halls))
    expect(error).toBeInstanceOf(CatalogFormatError)
    expect(error.message).toBe('halls: hall lh-district lists category B twice')
  })
})

describe('hallsForItem', () => {
  const { items, halls } = sample()
  const withLevels = (levels: ItemRecord['levels']): ItemRecord => ({ ...items[0], levels })

  it('picks the halls at the levels where the item can be handled, in catalog order', () => {
    expect(hallsForItem(withLevels(['district']), halls)).toEqual(['lh-district'])
    const districtAndStreet = hallsForItem(withLevels(['district', 'street']), halls)
    expect(districtAndStreet).toEqual([
      'lh-district',
      'lh-guanhu',
      'lh-minzhi',
      'lh-longhua',
      'lh-dalang',
      'lh-fucheng',
      'lh-guanlan',
    ])
    expect(hallsForItem(withLevels(['street']), halls)).toHaveLength(6)
    expect(hallsForItem(withLevels(['community']), halls)).toHaveLength(18)
    expect(hallsForItem(withLevels(['street', 'community']), halls)).toHaveLength(24)
    expect(hallsForItem(withLevels(['district', 'street', 'community']), halls)).toHaveLength(SAMPLE_HALLS)
  })

  it('finds no hall for an item with no levels', () => {
    expect(hallsForItem(withLevels([]), halls)).toEqual([])
  })

  it('gives the sample ID card application the district hall and the six street halls', () => {
    const idCard = items.find((item) => item.code === ID_CARD)!
    expect(hallsForItem(idCard, halls)).toHaveLength(7)
  })
})

import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../../server/db/connect'
import { bundledCatalog } from '../../../server/seed/catalogRecords'
import { importCatalog } from '../../../server/seed/catalogImport'
import { ViewTally } from '../../../server/modules/catalog/viewTally'

const ID_CARD = '010100010000'

describe('guide views counted in memory, written in batches', () => {
  let database: DatabaseHandle
  const storedViews = async (code: string) =>
    Number((await database.db.selectFrom('items').select('views').where('code', '=', code).executeTakeFirstOrThrow()).views)

  beforeEach(async () => {
    database = await openDatabase({ sqliteFile: ':memory:' })
    await migrateToLatest(database.db)
    await importCatalog(database.db, bundledCatalog())
  })
  afterEach(() => database.close())

  it('writes many views of a guide as one addition, and reports them until written', async () => {
    const tally = new ViewTally(database.db)
    for (let i = 0; i < 3; i++) tally.count(ID_CARD)
    expect(tally.unwritten(ID_CARD)).toBe(3)
    expect(await storedViews(ID_CARD)).toBe(0)
    await tally.flush()
    expect(await storedViews(ID_CARD)).toBe(3)
    expect(tally.unwritten(ID_CARD)).toBe(0)
  })

  it('keeps the counts of a failed write for the next one', async () => {
    const tally = new ViewTally(database.db)
    tally.count(ID_CARD)
    const spy = jest.spyOn(database.db, 'updateTable').mockImplementationOnce(() => {
      throw new Error('database unavailable')
    })
    await tally.flush()
    expect(tally.unwritten(ID_CARD)).toBe(1)
    spy.mockRestore()
    tally.count(ID_CARD)
    await tally.flush()
    expect(await storedViews(ID_CARD)).toBe(2)
  })

  it('writes what is left when it stops, and counts arriving during a write are not lost', async () => {
    const tally = new ViewTally(database.db)
    tally.count(ID_CARD)
    const first = tally.flush()
    tally.count(ID_CARD)
    await first
    await tally.stop()
    expect(await storedViews(ID_CARD)).toBe(2)
  })
})

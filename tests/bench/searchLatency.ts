import { performance } from 'node:perf_hooks'
import { buildApp } from '../../server/app'
import { systemClock } from '../../server/clock'
import { migrateToLatest, openDatabase, type DialectName } from '../../server/db/connect'
import { bundledCatalog } from '../../server/seed/catalogRecords'
import { importCatalog } from '../../server/seed/catalogImport'
import { searchItems } from '../../server/modules/catalog/service'
import { openTestDatabase } from '../api/support/testApp'
import { syntheticCatalog } from './syntheticCatalog'
import { summarize, ms, type Row } from './stats'

/** What residents type most: short official words, fragments, two-word queries, misses. */
export const BENCH_QUERIES = [
  '身份证', '社保', '居住证', '营业执照', '高龄', '公积金', '护照', '驾驶证', '结婚登记', '出生',
  '低保', '残疾', '退休', '医保', '户口', '居民 补领', '食品经营', '不动产', '入学', '火星签证',
]

const ROUNDS = 15

async function measure(dialect: DialectName, catalogSize: 'sample' | 10000): Promise<Row[]> {
  const database = dialect === 'sqlite' ? await openDatabase({ sqliteFile: ':memory:' }) : await openTestDatabase('postgres')
  try {
    await migrateToLatest(database.db)
    const sample = bundledCatalog()
    const items = catalogSize === 'sample' ? sample.items : syntheticCatalog(sample.items, catalogSize)
    const importStart = performance.now()
    await importCatalog(database.db, { items, halls: sample.halls })
    const importMs = performance.now() - importStart

    const app = await buildApp({ db: database.db, clock: systemClock })
    await app.ready()
    const service: number[] = []
    const http: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      for (const q of BENCH_QUERIES) {
        const query = { q, limit: 20, offset: 0 }
        let t = performance.now()
        await searchItems(database.db, query)
        service.push(performance.now() - t)
        t = performance.now()
        const res = await app.inject({ method: 'GET', url: `/api/v1/items?q=${encodeURIComponent(q)}&limit=20` })
        http.push(performance.now() - t)
        if (res.statusCode !== 200) throw new Error(`search "${q}" answered ${res.statusCode}`)
      }
    }
    await app.close()
    const label = `${dialect}, ${catalogSize === 'sample' ? `sample catalog (${items.length} items)` : `synthetic ${items.length} items`}`
    const s = summarize(service)
    const h = summarize(http)
    return [
      { figure: `search p50 / p95 (service) — ${label}`, value: `${ms(s.p50)} / ${ms(s.p95)}`, note: `${s.n} queries` },
      { figure: `search p50 / p95 (HTTP inject) — ${label}`, value: `${ms(h.p50)} / ${ms(h.p95)}` },
      { figure: `catalog import — ${label}`, value: ms(importMs) },
    ]
  } finally {
    await (database as { dispose?: () => Promise<void> }).dispose?.()
    if (!('dispose' in database)) await database.close()
  }
}

export async function searchLatencyRows(): Promise<Row[]> {
  const rows: Row[] = []
  const dialects: DialectName[] = process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite']
  for (const dialect of dialects) {
    rows.push(...(await measure(dialect, 'sample')))
    rows.push(...(await measure(dialect, 10000)))
  }
  return rows
}

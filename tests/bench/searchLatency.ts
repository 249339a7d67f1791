import { performance } from 'node:perf_hooks'
import { buildApp } from '../../server/app'
import { systemClock } from '../../server/clock'
import { migrateToLatest, openDatabase, type DialectName } from '../../server/db/connect'
import { bundledCatalog } from '../../server/seed/catalogRecords'
import { importCatalog } from '../../server/seed/catalogImport'
import { searchItems, suggestItems } from '../../server/modules/catalog/service'
import { CatalogSearch, searchDocOf } from '../../server/modules/catalog/catalogSearch'
import { searchRows } from '../../server/modules/catalog/repo'
import { SearchIndex } from '../../server/search/searchIndex'
import { bundledLexicon } from '../../server/search/lexiconIndex'
import type { Kysely } from 'kysely'
import type { Database } from '../../server/db/schema'
import { openTestDatabase } from '../api/support/testApp'
import { syntheticCatalog } from './syntheticCatalog'
import { summarize, ms, type Row } from './stats'

/** What residents type: official words, colloquial phrasing, pinyin, initials, traditional, typos, misses. */
export const BENCH_QUERIES = [
  '身份证', '社保', '居住证', '营业执照', '高龄', '公积金', '护照', '驾驶证', '结婚登记', '出生',
  '低保', '残疾', '退休', '医保', '户口', '居民 补领', '食品经营', '不动产', '入学', '火星签证',
  '办身份证', '开饭店要什么证', '老人过世', 'shebao', 'gaolingjintie', 'sfz', 'jhdj', '居住証', '居住正', 'gongjijn',
]

/** As-you-type prefixes, including half-typed pinyin. */
export const BENCH_PREFIXES = ['身', '身份', '居住', '社保k', '老人', 'gongj', 'she', 'jh', '开饭', '公积金提']

const ROUNDS = 15

function heapUsed(): number {
  ;(globalThis as { gc?: () => void }).gc?.()
  return process.memoryUsage().heapUsed
}

/** What one index keeps alive: heap with a fresh index held, minus heap once it is dropped (rows excluded). */
async function indexHeap(db: Kysely<Database>): Promise<number> {
  const docs = (await searchRows(db)).map(searchDocOf)
  let probe: SearchIndex<unknown> | null = new SearchIndex(docs, bundledLexicon())
  const held = heapUsed()
  probe = null
  const dropped = heapUsed()
  return probe === null ? held - dropped : 0
}

async function timed(samples: number[], run: () => Promise<unknown>): Promise<void> {
  const start = performance.now()
  await run()
  samples.push(performance.now() - start)
}

async function measure(dialect: DialectName, catalogSize: 'sample' | 10000): Promise<Row[]> {
  const database = dialect === 'sqlite' ? await openDatabase({ sqliteFile: ':memory:' }) : await openTestDatabase('postgres')
  try {
    await migrateToLatest(database.db)
    const sample = bundledCatalog()
    const items = catalogSize === 'sample' ? sample.items : syntheticCatalog(sample.items, catalogSize)
    const importStart = performance.now()
    await importCatalog(database.db, { items, halls: sample.halls })
    const importMs = performance.now() - importStart

    const search = new CatalogSearch(database.db)
    const buildStart = performance.now()
    await search.rebuild()
    const buildMs = performance.now() - buildStart
    const heapDelta = await indexHeap(database.db)

    const app = await buildApp({ db: database.db, clock: systemClock, catalogSearch: search })
    await app.ready()
    const service: number[] = []
    const http: number[] = []
    const suggestService: number[] = []
    const suggestHttp: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      for (const q of BENCH_QUERIES) {
        await timed(service, () => searchItems(database.db, search, { q, limit: 20, offset: 0 }))
        await timed(http, async () => {
          const res = await app.inject({ method: 'GET', url: `/api/v1/items?q=${encodeURIComponent(q)}&limit=20` })
          if (res.statusCode !== 200) throw new Error(`search "${q}" answered ${res.statusCode}`)
        })
      }
      for (const q of BENCH_PREFIXES) {
        await timed(suggestService, () => suggestItems(search, q))
        await timed(suggestHttp, () => app.inject({ method: 'GET', url: `/api/v1/items/suggest?q=${encodeURIComponent(q)}` }))
      }
    }
    await app.close()
    const label = `${dialect}, ${catalogSize === 'sample' ? `sample catalog (${items.length} items)` : `synthetic ${items.length} items`}`
    const s = summarize(service)
    const h = summarize(http)
    const ss = summarize(suggestService)
    const sh = summarize(suggestHttp)
    return [
      { figure: `search p50 / p95 (service) — ${label}`, value: `${ms(s.p50)} / ${ms(s.p95)}`, budget: '≤ 10 ms p95', note: `${s.n} queries, max ${ms(s.max)}` },
      { figure: `search p50 / p95 (HTTP inject) — ${label}`, value: `${ms(h.p50)} / ${ms(h.p95)}` },
      { figure: `suggest p50 / p95 (service) — ${label}`, value: `${ms(ss.p50)} / ${ms(ss.p95)}`, budget: '≤ 5 ms p95', note: `${ss.n} prefixes, max ${ms(ss.max)}` },
      { figure: `suggest p50 / p95 (HTTP inject) — ${label}`, value: `${ms(sh.p50)} / ${ms(sh.p95)}` },
      { figure: `search index build — ${label}`, value: ms(buildMs), budget: catalogSize === 10000 ? '≤ 2 s' : undefined, note: 'read from the database + index' },
      { figure: `search index memory — ${label}`, value: `${(heapDelta / 1024 / 1024).toFixed(1)} MB`, note: (globalThis as { gc?: unknown }).gc ? 'heap held by one index (gc before each reading)' : 'no --expose-gc: rough' },
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

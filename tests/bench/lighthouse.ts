import fs from 'node:fs'
import path from 'node:path'
import { buildApp } from '../../server/app'
import { systemClock } from '../../server/clock'
import { migrateToLatest, openDatabase } from '../../server/db/connect'
import { bundledCatalog } from '../../server/seed/catalogRecords'
import { importCatalog } from '../../server/seed/catalogImport'
import { root } from './appSize'
import { ms, underMachineLoad, type Row } from './stats'

const RUNS = 3

/** The pages issue 10 budgets: home, a guide, and booking that guide's service (a demo item of the sample catalog). */
const PAGES = [
  ['home', '/'],
  ['guide detail', '/pages/guide/index?code=010100010000'],
  ['booking', '/packages/booking/book/index?item=010100010000'],
] as const

interface RunFigures {
  performance: number
  accessibility: number
  bestPractices: number
  lcp: number
  fcp: number
  tbt: number
  cls: number
}

const median = <T>(runs: T[], by: (run: T) => number): T => [...runs].sort((a, b) => by(a) - by(b))[Math.floor(runs.length / 2)]

/**
 * Lighthouse's mobile preset (simulated slow 4G, 4× CPU slowdown) driving Debian's Chromium against the built H5
 * app served by the real server; the median of three runs per page, as Lighthouse itself recommends.
 */
export async function lighthouseRows(): Promise<Row[]> {
  const chromePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  const h5Dir = path.join(root, 'dist/h5')
  if (!fs.existsSync(chromePath)) return [{ figure: 'Lighthouse', value: 'not measured', note: `no Chromium at ${chromePath}` }]
  if (!fs.existsSync(path.join(h5Dir, 'index.html'))) return [{ figure: 'Lighthouse', value: 'not measured', note: 'no H5 build' }]

  const { launch } = await import('chrome-launcher')
  const lighthouse = (await import('lighthouse')).default
  const database = await openDatabase({ sqliteFile: ':memory:' })
  await migrateToLatest(database.db)
  await importCatalog(database.db, bundledCatalog())
  const app = await buildApp({ db: database.db, clock: systemClock, h5Dir })
  const base = await app.listen({ port: 0, host: '127.0.0.1' })
  // A Chinese phone, like the people Banshi is for: the app follows the system language, and an English browser
  // would measure the English catalog being fetched on top of what they get.
  const chrome = await launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--lang=zh-CN', '--accept-lang=zh-CN'],
  })
  const rows: Row[] = []
  try {
    // Three runs of one page, each a fresh load in the same Chromium.
    const measure = async (label: string, pagePath: string): Promise<RunFigures[]> => {
      const runs: RunFigures[] = []
      for (let i = 0; i < RUNS; i += 1) {
        const result = await lighthouse(`${base}${pagePath}`, {
          port: chrome.port,
          logLevel: 'error',
          output: 'json',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
        })
        if (!result) throw new Error(`Lighthouse returned nothing for ${pagePath}`)
        // BANSHI_LIGHTHOUSE_REPORTS=dir keeps each run's full report (what blocks rendering, the LCP element…).
        const reportDir = process.env.BANSHI_LIGHTHOUSE_REPORTS
        if (reportDir) {
          fs.mkdirSync(reportDir, { recursive: true })
          fs.writeFileSync(path.join(reportDir, `${label.replace(/\W+/g, '-')}-${i + 1}.json`), JSON.stringify(result.lhr))
        }
        const { categories, audits } = result.lhr
        runs.push({
          performance: Math.round((categories.performance.score ?? 0) * 100),
          accessibility: Math.round((categories.accessibility.score ?? 0) * 100),
          bestPractices: Math.round((categories['best-practices'].score ?? 0) * 100),
          lcp: audits['largest-contentful-paint'].numericValue ?? Number.NaN,
          fcp: audits['first-contentful-paint'].numericValue ?? Number.NaN,
          tbt: audits['total-blocking-time'].numericValue ?? Number.NaN,
          cls: audits['cumulative-layout-shift'].numericValue ?? Number.NaN,
        })
      }
      return runs
    }
    for (const [label, pagePath] of PAGES) {
      const { result: runs, machine } = await underMachineLoad(() => measure(label, pagePath))
      const typical = median(runs, (run) => run.performance)
      rows.push(
        {
          figure: `Lighthouse mobile performance — ${label}`,
          value: String(typical.performance),
          budget: 'goal ≥ 95',
          note: `median of ${RUNS}: ${runs.map((run) => run.performance).join(', ')}; ${machine}`,
        },
        {
          figure: `Lighthouse accessibility / best practices — ${label}`,
          value: `${median(runs, (run) => run.accessibility).accessibility} / ${median(runs, (run) => run.bestPractices).bestPractices}`,
          budget: 'goal ≥ 95',
        },
        {
          figure: `LCP / FCP / TBT / CLS — ${label}`,
          value: `${ms(typical.lcp)} / ${ms(typical.fcp)} / ${ms(typical.tbt)} / ${typical.cls.toFixed(3)}`,
          note: 'simulated slow 4G, 4× CPU slowdown; Chromium in zh-CN',
        },
      )
    }
  } finally {
    chrome.kill()
    await app.close()
    await database.close()
  }
  return rows
}

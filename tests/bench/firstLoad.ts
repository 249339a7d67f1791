import fs from 'node:fs'
import path from 'node:path'
import { buildApp } from '../../server/app'
import { systemClock } from '../../server/clock'
import { migrateToLatest, openDatabase } from '../../server/db/connect'
import { bundledCatalog } from '../../server/seed/catalogRecords'
import { importCatalog } from '../../server/seed/catalogImport'
import { launchBrowser, phoneContext } from '../e2e/support/browser'
import { gzipSize, root } from './appSize'
import { kb, ms, type Row } from './stats'

/**
 * Loads a page of the built H5 app in Chromium as a phone would, and adds up the JavaScript it fetched,
 * gzip -9 each (what the server's pre-compressed files weigh on the wire).
 */
export async function firstLoadRows(): Promise<Row[]> {
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (!fs.existsSync(chromiumPath)) {
    return [{ figure: 'H5 first load', value: 'not measured', note: `no Chromium at ${chromiumPath}` }]
  }
  const h5Dir = path.join(root, 'dist/h5')
  const database = await openDatabase({ sqliteFile: ':memory:' })
  await migrateToLatest(database.db)
  await importCatalog(database.db, bundledCatalog())
  const app = await buildApp({ db: database.db, clock: systemClock, h5Dir })
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  const browser = await launchBrowser()
  const rows: Row[] = []
  try {
    for (const [label, pagePath] of [
      ['home', '/'],
      ['guide', '/pages/guide/index?code=010100010000'],
    ] as const) {
      const context = await phoneContext(browser)
      const page = await context.newPage()
      const scripts = new Set<string>()
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname)
      })
      const start = Date.now()
      await page.goto(`${url}${pagePath}`, { waitUntil: 'networkidle' })
      const loadedMs = Date.now() - start
      const bytes = [...scripts].reduce((sum, p) => sum + gzipSize(path.join(h5Dir, p)), 0)
      // The H5 DOM mirrors the mini-program's node tree closely: a proxy for WeChat's 1,000-nodes-per-page advice.
      const nodes = await page.evaluate(() => document.querySelectorAll('#app *').length)
      rows.push({
        figure: `H5 JS gzip on first load of ${label}`,
        value: kb(bytes),
        budget: label === 'home' ? 'goal ≤ 150 KB (moonshot 100)' : '',
        note: `${scripts.size} scripts; loaded in ${ms(loadedMs)} on loopback`,
      })
      rows.push({ figure: `page nodes, ${label} (H5 DOM as a proxy for the weapp tree)`, value: String(nodes), budget: '< 1,000' })
      await context.close()
    }
  } finally {
    await browser.close()
    await app.close()
    await database.close()
  }
  return rows
}

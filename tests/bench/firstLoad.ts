import fs from 'node:fs'
import path from 'node:path'
import { buildApp } from '../../server/app'
import { systemClock } from '../../server/clock'
import { migrateToLatest, openDatabase } from '../../server/db/connect'
import { bundledCatalog } from '../../server/seed/catalogRecords'
import { importCatalog } from '../../server/seed/catalogImport'
import { launchBrowser, phoneContext } from '../e2e/support/browser'
import { gzipSize, root } from './appSize'
import type { Page } from 'playwright-core'
import { kb, ms, type Row } from './stats'

/** Pages whose first load is measured: JavaScript fetched and nodes drawn. */
const FIRST_LOAD_PAGES = [
  ['home', '/'],
  ['guide', '/pages/guide/index?code=010100010000'],
  ['booking', '/packages/booking/book/index?item=010100010000'],
] as const

/** The longest lists a citizen meets with the sample catalog: its biggest topic and a broad search. */
const LIST_PAGES = [
  ['items of 社会保障', `/pages/items/index?topic=${encodeURIComponent('社会保障')}`],
  ['search results for 证', `/pages/search/index?q=${encodeURIComponent('证')}`],
] as const

/**
 * Scrolls a virtual list to its end until no more pages load, counting the page's nodes at every step (the most is
 * what WeChat's advice is about).
 */
async function scrollToTheEnd(page: Page): Promise<{ mostNodes: number; drawnRows: number; listed: string }> {
  let mostNodes = 0
  let lastHeight = -1
  for (let step = 0; step < 40; step += 1) {
    const height = await page.evaluate(() => {
      const list = document.querySelector<HTMLElement>('.virtual-list')
      if (!list) return 0
      list.scrollTop += list.clientHeight
      return list.scrollHeight
    })
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(100)
    mostNodes = Math.max(mostNodes, await page.evaluate(() => document.querySelectorAll('#app *').length))
    const atEnd = await page.evaluate(() => {
      const list = document.querySelector<HTMLElement>('.virtual-list')
      return !list || list.scrollTop + list.clientHeight >= list.scrollHeight - 2
    })
    if (atEnd && height === lastHeight) break
    lastHeight = height
  }
  const drawnRows = await page.evaluate(() => document.querySelectorAll('.virtual-list [role="listitem"]').length)
  const listed = await page.evaluate(() => document.querySelector('.virtual-list [role="heading"], .virtual-list [role="status"]')?.textContent ?? '')
  return { mostNodes, drawnRows, listed }
}

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
    for (const [label, pagePath] of FIRST_LOAD_PAGES) {
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
    const english = fs.readdirSync(path.join(h5Dir, 'js')).find((file) => /^i18n-en\.[\w]+\.js$/.test(file))
    rows.push({
      figure: 'H5 JS gzip, English catalog (fetched on the first switch)',
      value: english ? kb(gzipSize(path.join(h5Dir, 'js', english))) : 'not built',
      note: 'not in any first load',
    })
    for (const [label, pagePath] of LIST_PAGES) {
      const context = await phoneContext(browser)
      const figure = `page nodes, ${label} (scrolled to the end)`
      try {
        const page = await context.newPage()
        await page.goto(`${url}${pagePath}`, { waitUntil: 'networkidle' })
        const scrolled = await scrollToTheEnd(page)
        rows.push({ figure, value: String(scrolled.mostNodes), budget: '< 1,000', note: `${scrolled.listed}; ${scrolled.drawnRows} rows drawn at the end` })
      } catch (error) {
        // One page that cannot be scrolled through must not cost the rest of the table.
        rows.push({ figure, value: 'not measured', budget: '< 1,000', note: (error as Error).message.split('\n')[0] })
      } finally {
        await context.close()
      }
    }
  } finally {
    await browser.close()
    await app.close()
    await database.close()
  }
  return rows
}

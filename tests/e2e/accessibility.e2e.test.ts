// axe-core on every H5 page, as a phone shows it: no serious or critical violations. Each page is also saved as a
// screenshot in artifacts/screenshots/ for anyone to look at.
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, phoneContext } from './support/browser'
import { startServer, type RunningServer } from './support/server'
import { signInByPhone } from './support/signIn'

let server: RunningServer
let browser: Browser
let context: BrowserContext
let page: Page
const screenshots = path.resolve(__dirname, '../../artifacts/screenshots')
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  context = await phoneContext(browser)
  page = await context.newPage()
  fs.mkdirSync(screenshots, { recursive: true })
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.stop()
})

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: Array<{ target: string[] }>
}

async function seriousViolations(name: string): Promise<string[]> {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true })
  await page.addScriptTag({ content: axeSource })
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations
  })) as Violation[]
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

const PAGES: Array<[string, string, (page: Page) => Promise<unknown>]> = [
  ['home', '/', (p) => p.getByRole('heading', { name: '按主题办事' }).waitFor()],
  ['search', `/pages/search/index?q=${encodeURIComponent('身份证')}`, (p) => p.getByText(/找到 \d+ 个事项/).waitFor()],
  ['guide', '/pages/guide/index?code=010100010000', (p) => p.getByRole('heading', { name: '居民身份证申领', level: 1 }).waitFor()],
  ['browse', '/pages/browse/index?tab=topics', (p) => p.getByRole('link').first().waitFor()],
  ['items', `/pages/items/index?topic=${encodeURIComponent('社会保障')}`, (p) => p.getByRole('link').first().waitFor()],
  ['me-signed-out', '/pages/me/index', (p) => p.getByRole('heading', { name: '您还没有登录' }).waitFor()],
  ['login', '/pages/login/index', (p) => p.getByRole('heading', { name: '手机号登录' }).waitFor()],
  ['staff-login', '/packages/staff/login/index', (p) => p.getByRole('heading', { name: '工作人员登录' }).waitFor()],
]

describe('accessibility of every page (axe-core)', () => {
  it.each(PAGES)('%s has no serious or critical violations', async (name, url, ready) => {
    await page.goto(`${server.url}${url}`)
    await ready(page)
    expect(await seriousViolations(name)).toEqual([])
  })

  it('我的, signed in, has no serious or critical violations', async () => {
    await signInByPhone(page, server, '13700001111')
    await page.getByText('手机号码:13700001111').waitFor()
    expect(await seriousViolations('me-signed-in')).toEqual([])
  })
})

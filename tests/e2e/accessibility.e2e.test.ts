// axe-core on every H5 page, as a phone shows it: no serious or critical violations. Each page is also saved as a
// screenshot in artifacts/screenshots/ for anyone to look at; signed-in pages too (support/signedInPages.ts).
// 长辈版 has its own file (elderlyMode.e2e).
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, phoneContext } from './support/browser'
import { startServer, type RunningServer } from './support/server'
import { signInByPhone } from './support/signIn'
import { PUBLIC_PAGES, seriousViolations } from './support/audit'
import { checkSignedInPages, prepareSignedInPages } from './support/signedInPages'

let server: RunningServer
let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  server = await startServer()
  prepareSignedInPages(server)
  browser = await launchBrowser()
  context = await phoneContext(browser)
  page = await context.newPage()
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.stop()
})

const PAGES: typeof PUBLIC_PAGES = [
  ['home', '/', (p) => p.getByRole('heading', { name: '按主题办事' }).waitFor()],
  ...PUBLIC_PAGES,
]

describe('accessibility of every page (axe-core)', () => {
  it.each(PAGES)('%s has no serious or critical violations', async (name, url, ready) => {
    await page.goto(`${server.url}${url}`)
    await ready(page)
    expect(await seriousViolations(page, name)).toEqual([])
  })

  it('我的, signed in, has no serious or critical violations', async () => {
    await signInByPhone(page, server, '13700001111')
    await page.getByText('手机号码:13700001111').waitFor()
    expect(await seriousViolations(page, 'me-signed-in')).toEqual([])
  })

  it('every page of a signed-in citizen, window staff member and grid worker has no serious or critical violations', async () => {
    expect(await checkSignedInPages(page, server, seriousViolations)).toEqual({})
  }, 300_000)
})

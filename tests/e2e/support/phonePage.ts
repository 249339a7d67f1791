import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, phoneContext } from './browser'
import { startServer, type RunningServer } from './server'

export interface PhonePageSuite {
  readonly server: RunningServer
  /** A fresh phone-sized page per test; any uncaught page error fails that test. */
  readonly page: Page
}

/**
 * The usual e2e set-up: one real server and one Chromium per file, a fresh phone context per test.
 * `prepare` runs once the server is up (e.g. to create accounts in its database).
 */
export function phonePageSuite(prepare?: (server: RunningServer) => Promise<void> | void): PhonePageSuite {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const pageErrors: string[] = []

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
    await prepare?.(server)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  beforeEach(async () => {
    context = await phoneContext(browser)
    page = await context.newPage()
    page.on('pageerror', (error) => pageErrors.push(error.message))
  })

  afterEach(async () => {
    await context.close()
    expect(pageErrors).toEqual([])
    pageErrors.length = 0
  })

  return {
    get server() {
      return server
    },
    get page() {
      return page
    },
  }
}

// A phone set to English gets the English interface without asking; 我的 switches back to Chinese. Screenshots of
// the English pages go to artifacts/screenshots/en-*.png.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, phoneContext } from './support/browser'
import { startServer, type RunningServer } from './support/server'
import { seriousViolations } from './support/audit'

let server: RunningServer
let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  context = await phoneContext(browser, 'en-US')
  page = await context.newPage()
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.stop()
})

describe('English interface', () => {
  it('follows an English phone on the home page', async () => {
    await page.goto(server.url)
    await page.getByRole('heading', { name: 'Services by topic' }).waitFor()
    expect(await seriousViolations(page, 'en-home')).toEqual([])
  })

  it('searches in English, with server messages in English too', async () => {
    await page.goto(`${server.url}/pages/search/index?q=${encodeURIComponent('身份证')}`)
    await page.getByText(/\d+ services found/).waitFor()
    expect(await seriousViolations(page, 'en-search')).toEqual([])
    const answer = await page.evaluate(async () => {
      const res = await fetch('/api/v1/items/NO-SUCH-ITEM', { headers: { 'Accept-Language': 'en' } })
      return res.json()
    })
    expect(answer.error.message).toMatch(/could not be found/)
  })

  it('switches back to Chinese in 我的 and remembers it', async () => {
    await page.goto(`${server.url}/pages/me/index`)
    await page.getByRole('heading', { name: 'You are not signed in' }).waitFor()
    await page.getByRole('button', { name: '简体中文' }).click()
    await page.getByRole('heading', { name: '您还没有登录' }).waitFor()
    await page.goto(server.url)
    await page.getByRole('heading', { name: '按主题办事' }).waitFor()
  })
})

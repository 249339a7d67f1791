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

  it('shows a guide, the halls, progress lookup and 我的办件 in English', async () => {
    const pages: Array<[string, string, () => Promise<unknown>]> = [
      ['en-guide', '/pages/guide/index?code=010100010000', () => page.getByRole('heading', { name: 'What to bring' }).waitFor()],
      ['en-halls', '/pages/halls/index?item=010100010000', () => page.getByText('Halls that handle this service').waitFor()],
      ['en-progress', '/pages/progress/index', () => page.getByRole('heading', { name: 'Check an application' }).waitFor()],
      ['en-my-applications', '/packages/apply/mine/index', () => page.getByText('Sign in to see your applications').waitFor()],
      ['en-staff-applications', '/packages/staff/applications/index', () => page.getByText('Please sign in with a window staff account').waitFor()],
    ]
    const found: Record<string, string[]> = {}
    for (const [name, url, ready] of pages) {
      await page.goto(`${server.url}${url}`)
      await ready()
      const problems = await seriousViolations(page, name)
      if (problems.length) found[name] = problems
    }
    expect(found).toEqual({})
    await page.goto(`${server.url}/pages/guide/index?code=010100010000`)
    await page.getByText('At most one visit').first().waitFor()
    expect(await page.title()).toBe('Service guide')
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

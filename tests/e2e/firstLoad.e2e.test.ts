import type { Page } from 'playwright-core'
import { phonePageSuite } from './support/phonePage'

const suite = phonePageSuite()

/** Where each part of the home page's top is drawn, to the tenth of a pixel. */
function topOfHome(page: Page, parts: Record<string, string>): Promise<Record<string, string>> {
  return page.evaluate((selectors) => {
    const where: Record<string, string> = {}
    for (const [part, selector] of Object.entries(selectors)) {
      const box = document.querySelector(selector)?.getBoundingClientRect()
      where[part] = box ? [box.x, box.y, box.width, box.height].map((value) => value.toFixed(1)).join(' ') : 'missing'
    }
    return where
  }, parts)
}

describe('the first seconds of a visit', () => {
  it.each([390, 360])(
    'index.html draws the top of the home page exactly where the app then draws it (%i px wide)',
    async (width) => {
      const { page, server } = suite
      await page.setViewportSize({ width, height: 800 })
      // The app's scripts held back, as on a slow network: what shows is index.html alone.
      await page.route('**/js/**', (route) => route.abort())
      await page.goto(server.url)
      const drawnEarly = await topOfHome(page, {
        offer: '#boot-shell .offer-text',
        switchOn: '#boot-shell .yes',
        noThanks: '#boot-shell .no',
        title: '#boot-shell .title',
        links: '#boot-shell .links',
        subtitle: '#boot-shell .subtitle',
        search: '#boot-shell .box',
      })
      await page.unrouteAll({ behavior: 'ignoreErrors' })
      await page.reload()
      await page.getByRole('heading', { name: '办事通', level: 1 }).waitFor()
      await page.waitForFunction(() => !document.getElementById('boot-shell'))
      const drawnByApp = await topOfHome(page, {
        offer: '.mode-offer__text',
        switchOn: '.mode-offer__yes',
        noThanks: '.mode-offer__no',
        title: '.home__title',
        links: '.home__top-links',
        subtitle: '.home__subtitle',
        search: '.home__search-box',
      })
      expect(drawnEarly).toEqual(drawnByApp)
    },
  )

  it('nothing on the home page moves when the topics and popular items arrive', async () => {
    const { page, server } = suite
    // Answers that take a moment, so the page is drawn before them.
    await page.route(/\/api\/v1\/(topics|items)\b/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400))
      await route.continue()
    })
    await page.addInitScript(() => {
      const shifts: number[] = []
      ;(window as unknown as { layoutShifts: number[] }).layoutShifts = shifts
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value)
      }).observe({ type: 'layout-shift', buffered: true })
    })
    await page.goto(server.url)
    await page.getByRole('link', { name: /^社会保障/ }).waitFor()
    await page.getByRole('link', { name: /^居民身份证申领/ }).first().waitFor()
    await page.waitForTimeout(300)
    const shifts = await page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts)
    expect(shifts.reduce((sum, value) => sum + value, 0)).toBeLessThan(0.001)
  })
})

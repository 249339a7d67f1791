import { phonePageSuite } from './support/phonePage'

const suite = phonePageSuite()

describe('guide lookup in a real browser', () => {
  it('searches 身份证, opens the guide, ticks a material, reloads, and it is still ticked', async () => {
    const { page, server } = suite
    await page.goto(server.url)
    await page.getByRole('button', { name: /^搜索事项/ }).click()

    const box = page.getByRole('searchbox', { name: '搜索办事事项' })
    await box.fill('身份证')
    await box.press('Enter')
    await page.getByText(/找到 \d+ 个事项/).waitFor()
    await page.getByRole('link', { name: /^居民身份证申领\s*深圳市公安局龙华分局/ }).click()

    await page.getByRole('heading', { name: '居民身份证申领', level: 1 }).waitFor()
    expect(page.url()).toContain('/pages/guide/index?code=010100010000')
    await expect(page.getByText('工本费20元').isVisible()).resolves.toBe(true)
    await page.getByText('最多跑一次', { exact: true }).filter({ visible: true }).first().waitFor()

    const household = page.getByRole('checkbox', { name: '居民户口簿,必需' })
    await expect(household.getAttribute('aria-checked')).resolves.toBe('false')
    await household.click()
    await expect(household.getAttribute('aria-checked')).resolves.toBe('true')
    await page.getByText('已备齐 1/2 项', { exact: false }).waitFor()

    await page.reload()
    await page.getByRole('heading', { name: '居民身份证申领', level: 1 }).waitFor()
    const afterReload = page.getByRole('checkbox', { name: '居民户口簿,必需' })
    await expect(afterReload.getAttribute('aria-checked')).resolves.toBe('true')
    await expect(page.getByRole('checkbox', { name: '近期免冠彩色照片,必需' }).getAttribute('aria-checked')).resolves.toBe('false')
  })

  it('finds the right item for a colloquial query as it is typed, and remembers the search', async () => {
    const { page, server } = suite
    await page.goto(`${server.url}/pages/search/index`)
    const box = page.getByRole('searchbox', { name: '搜索办事事项' })
    await box.fill('办身份证')
    const suggestion = page.getByRole('link', { name: '居民身份证申领', exact: true })
    await suggestion.waitFor()
    await expect(suggestion.locator('.highlight').first().textContent()).resolves.toBe('身份证')

    await box.press('Enter')
    await page.getByText(/找到 \d+ 个事项/).waitFor()
    const first = page.getByRole('link', { name: /深圳市公安局龙华分局/ }).first()
    await expect(first.textContent()).resolves.toMatch(/^居民身份证/)

    await box.fill('')
    await page.getByRole('button', { name: '再次搜索 办身份证' }).waitFor()
    await box.fill('開飯店要什麼證')
    await box.press('Enter')
    await page.getByRole('link', { name: /^食品经营许可 / }).waitFor()
  })

  it('fetches a shared guide’s own code and data alongside the app’s main scripts, and every file once', async () => {
    const { page, server } = suite
    await page.goto(`${server.url}/pages/guide/index?code=020200010000`)
    await page.getByRole('heading', { name: '高龄老人津贴申领', level: 1 }).waitFor()
    const mainScripts = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]'), (script) => new URL(script.src).pathname))
    const fetched = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => ({ path: new URL(entry.name).pathname, by: (entry as PerformanceResourceTiming).initiatorType })),
    )
    const pageScripts = fetched.filter(({ path }) => path.startsWith('/js/') && !mainScripts.includes(path))
    expect(pageScripts.length).toBeGreaterThan(0)
    // Asked for by index.html's preload links, not by the router once the main scripts had run…
    expect(pageScripts.filter(({ by }) => by !== 'link')).toEqual([])
    // …and the router's own request used the preloaded copy instead of fetching again.
    const paths = fetched.map(({ path }) => path).filter((path) => /^\/(js|css)\//.test(path))
    expect(paths.length).toBe(new Set(paths).size)
    // The guide itself was asked for by index.html while the scripts downloaded, and the app used that answer.
    expect(fetched.filter(({ path }) => path === '/api/v1/items/020200010000')).toEqual([{ path: '/api/v1/items/020200010000', by: 'fetch' }])
  })

  it('opens a guide from a shared link and lists the halls with tap-to-call', async () => {
    const { page, server } = suite
    await page.goto(`${server.url}/pages/guide/index?code=020200010000`)
    await page.getByRole('heading', { name: '高龄老人津贴申领', level: 1 }).waitFor()
    const call = page.getByRole('link', { name: /拨打龙华区行政服务大厅电话/ })
    await expect(call.getAttribute('href')).resolves.toBe('tel:075523336000')
  })

  it('browses by topic to a guide', async () => {
    const { page, server } = suite
    await page.goto(server.url)
    await page.getByRole('link', { name: '全部主题 ›' }).click()
    await page.getByRole('link', { name: /^养老服务,\d+项$/ }).click()
    await page.getByRole('heading', { name: /养老服务 · 共 \d+ 项/ }).waitFor()
    await page.getByRole('link', { name: /^高龄老人津贴申领/ }).click()
    await page.getByRole('heading', { name: '高龄老人津贴申领', level: 1 }).waitFor()
  })

  it('tells the citizen when a guide does not exist', async () => {
    const { page, server } = suite
    await page.goto(`${server.url}/pages/guide/index?code=999999999999`)
    await page.getByText('没有找到这个事项', { exact: false }).waitFor()
    await page.getByRole('button', { name: '重新搜索' }).waitFor()
  })
})

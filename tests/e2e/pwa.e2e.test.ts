// The H5 app as an installable, offline-capable PWA, checked in real Chromium against the real server.
import type { BrowserContext, Page } from 'playwright-core'
import { startServer, type RunningServer } from './support/server'
import { openPhoneProfile, type PhoneProfile } from './support/phoneProfile'

let server: RunningServer
let phone: PhoneProfile
let context: BrowserContext
let page: Page

beforeAll(async () => {
  server = await startServer()
  phone = await openPhoneProfile('pwa')
  ;({ context, page } = phone)
})

afterAll(async () => {
  await phone?.close()
  await server?.stop()
})

afterEach(() => {
  expect(phone.pageErrors).toEqual([])
})

const GUIDE = '/pages/guide/index?code=010100010000'

describe('installable PWA', () => {
  it('has a valid manifest and a service worker that takes control of the page', async () => {
    await page.goto(server.url)
    await page.getByRole('button', { name: /^搜索事项/ }).waitFor()
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 })

    const cdp = await context.newCDPSession(page)
    const manifest = await cdp.send('Page.getAppManifest')
    expect(manifest.errors).toEqual([])
    const parsed = JSON.parse(manifest.data ?? '{}')
    expect(parsed).toMatchObject({ name: '办事通', short_name: '办事通', display: 'standalone', lang: 'zh-CN', start_url: '/', theme_color: '#1559b7' })
    expect(parsed.icons.map((icon: { sizes: string; purpose: string }) => `${icon.sizes} ${icon.purpose}`)).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ])
    for (const icon of parsed.icons) expect((await page.request.get(new URL(icon.src, server.url).href)).headers()['content-type']).toBe('image/png')

    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors')
    expect(installabilityErrors).toEqual([])
  })

  it('opens a guide viewed before, and the app shell, with no network at all', async () => {
    await page.goto(`${server.url}${GUIDE}`)
    await page.getByRole('heading', { name: '居民身份证申领', level: 1 }).waitFor()
    // Stale-while-revalidate stores the guide as it is read; wait until it is in the cache.
    await page.waitForFunction(async () => {
      const cache = await caches.open('banshi-guides-v1')
      return (await cache.keys()).some((request) => request.url.endsWith('/api/v1/items/010100010000'))
    })

    await context.setOffline(true)
    try {
      await page.reload()
      await page.getByRole('heading', { name: '居民身份证申领', level: 1 }).waitFor()
      await expect(page.getByText('工本费20元').isVisible()).resolves.toBe(true)

      // The offline page lists what still works: the guide kept on this device.
      await page.goto(`${server.url}/offline.html`)
      await page.getByRole('heading', { name: '您现在处于离线状态' }).waitFor()
      await page.getByRole('link', { name: '居民身份证申领' }).waitFor()

      // A guide never opened says so plainly and points to what works offline.
      await page.goto(`${server.url}/pages/guide/index?code=010100020000`)
      await page.getByText('看过的办事指南没有网络也能打开', { exact: false }).waitFor()
      await page.getByRole('button', { name: '离线可用内容' }).click()
      await page.waitForURL(/offline\.html$/)
    } finally {
      await context.setOffline(false)
    }
  })

  it('never caches personal data: sign-in and my data go to the network only', async () => {
    await page.goto(server.url)
    const cached = await page.evaluate(async () => {
      const names = await caches.keys()
      const urls: string[] = []
      for (const name of names) for (const request of await (await caches.open(name)).keys()) urls.push(request.url)
      return urls
    })
    expect(cached.filter((url) => /\/api\/v1\/(auth|me|staff|admin)/.test(url))).toEqual([])
    expect(cached.some((url) => url.endsWith('/index.html') || url.includes('index.html'))).toBe(true)
  })
})

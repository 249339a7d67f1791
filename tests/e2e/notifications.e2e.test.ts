// Web Push in real Chromium against the built app: a push delivered to Banshi's service worker becomes a
// notification with the payload's words, tag and language, and a link to the page it is about.
import type { BrowserContext, CDPSession, Page } from 'playwright-core'
import type { WebPushPayload } from '@/domain/pushPayload'
import { startServer, type RunningServer } from './support/server'
import { openPhoneProfile, type PhoneProfile } from './support/phoneProfile'

let server: RunningServer
let phone: PhoneProfile
let context: BrowserContext
let page: Page

beforeAll(async () => {
  server = await startServer()
  phone = await openPhoneProfile('push')
  ;({ context, page } = phone)
  await context.grantPermissions(['notifications'], { origin: server.url })
})

afterAll(async () => {
  await phone?.close()
  await server?.stop()
})

afterEach(() => {
  expect(phone.pageErrors).toEqual([])
})

/** The id Chromium gives Banshi's service worker registration, from the DevTools protocol's own events. */
async function registrationId(cdp: CDPSession): Promise<string> {
  const found = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((registration) => registration.scopeURL === `${server.url}/` && !registration.isDeleted)
      if (ours) resolve(ours.registrationId)
    })
  })
  await cdp.send('ServiceWorker.enable')
  return found
}

function shownNotifications() {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready
    return (await registration.getNotifications()).map((notification) => ({
      title: notification.title,
      body: notification.body,
      tag: notification.tag,
      lang: notification.lang,
      data: notification.data as unknown,
    }))
  })
}

type Shown = Awaited<ReturnType<typeof shownNotifications>>

/** Polls until the shown notifications fit `ready` (delivery and display are asynchronous); returns them. */
async function notificationsWhen(ready: (shown: Shown) => boolean): Promise<Shown> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const shown = await shownNotifications()
    if (ready(shown) || Date.now() > deadline) return shown
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('Web Push', () => {
  it('shows a pushed message as a notification that leads to its page', async () => {
    await page.goto(server.url)
    await page.getByRole('button', { name: /^搜索事项/ }).waitFor()
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 })
    expect(await page.evaluate(() => Notification.permission)).toBe('granted')

    const cdp = await context.newCDPSession(page)
    const id = await registrationId(cdp)
    const payload: WebPushPayload = {
      title: '您的号 A012 快到了',
      body: '龙华区行政服务大厅:前面还有 3 人,请回到大厅等候叫号',
      tag: 'queue_near:lh-district-A12',
      path: 'pages/ticket/index?id=lh-district-A12',
      lang: 'zh-CN',
    }
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: server.url, registrationId: id, data: JSON.stringify(payload) })

    expect(await notificationsWhen((shown) => shown.length > 0)).toEqual([
      { title: payload.title, body: payload.body, tag: payload.tag, lang: 'zh-CN', data: { url: '/pages/ticket/index?id=lh-district-A12' } },
    ])

    // The same tag replaces the earlier notification instead of stacking a second one.
    const called = { ...payload, title: '请到 3 号窗口办理', body: '您的号 A012 已叫到' }
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: server.url, registrationId: id, data: JSON.stringify(called) })
    const replaced = await notificationsWhen((shown) => shown.some((notification) => notification.title === called.title))
    expect(replaced.map((notification) => notification.title)).toEqual([called.title])
  })
})

// The browser's consent: permission from the tap, then a Web Push subscription saved for this person.
import { http, HttpResponse } from 'msw'
import { server } from '../../../mock/node'
import { mockNotifications } from '../../../mock/handlers/notifications'
import { forgetNotificationConfig, loadNotificationConfig } from '@/api/notifications'
import { askForReminders, browserPushState, dropThisBrowserPush } from '@/platform/reminderConsent'
import { useSessionStore } from '@/stores/session'
import { installFakeBrowserPush, removeFakeBrowserPush, type FakeBrowser } from '../../support/fakeBrowserPush'

const API = 'http://banshi.test/api/v1'
let browser: FakeBrowser

beforeEach(async () => {
  browser = installFakeBrowserPush()
  await useSessionStore.getState().signInWithSms('13812345678', '123456')
  await loadNotificationConfig()
})
afterEach(async () => {
  await dropThisBrowserPush()
  removeFakeBrowserPush()
})

describe('asking a browser for notifications', () => {
  it('asks within the tap, subscribes with the server key and saves the subscription', async () => {
    const asked = askForReminders(['queue'])
    // Before anything is awaited: Safari and Firefox show the prompt only from the tap itself.
    expect(browser.requestPermission).toHaveBeenCalledTimes(1)
    await expect(asked).resolves.toEqual({ outcome: 'subscribed' })
    const options = browser.pushManager.subscribe.mock.calls[0][0]
    expect(options.userVisibleOnly).toBe(true)
    expect(new Uint8Array(options.applicationServerKey as ArrayBuffer)).toHaveLength(65)
    expect([...mockNotifications().subscriptions.keys()]).toEqual(['https://push.example.test/send/1'])
    await expect(browserPushState()).resolves.toBe('on')
  })

  it('does not ask again in the same session after the prompt was closed, unless asked from 我的', async () => {
    browser.answer = 'default'
    await expect(askForReminders(['queue'])).resolves.toEqual({ outcome: 'declined' })
    await expect(askForReminders(['appointment'])).resolves.toEqual({ outcome: 'not-asked' })
    expect(browser.requestPermission).toHaveBeenCalledTimes(1)
    browser.answer = 'granted'
    await expect(askForReminders(['queue'], { again: true })).resolves.toEqual({ outcome: 'subscribed' })
    expect(mockNotifications().subscriptions.size).toBe(1)
  })

  it('remembers a permanent refusal: never prompts again and says it is blocked', async () => {
    browser.answer = 'denied'
    await expect(askForReminders(['queue'])).resolves.toEqual({ outcome: 'blocked' })
    await expect(askForReminders(['queue'], { again: true })).resolves.toEqual({ outcome: 'blocked' })
    expect(browser.requestPermission).toHaveBeenCalledTimes(1)
    await expect(browserPushState()).resolves.toBe('blocked')
    expect(mockNotifications().subscriptions.size).toBe(0)
  })

  it('does not prompt again once allowed, and does not send the same subscription twice', async () => {
    await askForReminders(['queue'])
    let puts = 0
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'PUT') puts += 1
    })
    await expect(askForReminders(['application'])).resolves.toEqual({ outcome: 'subscribed' })
    expect(browser.requestPermission).toHaveBeenCalledTimes(1)
    expect(browser.pushManager.subscribe).toHaveBeenCalledTimes(1)
    expect(puts).toBe(0)
    server.events.removeAllListeners()
  })

  it('replaces a subscription made with an old server key', async () => {
    browser.setPermission('granted')
    const old = await browser.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: new Uint8Array(65).fill(4).buffer })
    await expect(askForReminders(['queue'])).resolves.toEqual({ outcome: 'subscribed' })
    expect(old.unsubscribe).toHaveBeenCalled()
    expect([...mockNotifications().subscriptions.keys()]).toEqual(['https://push.example.test/send/2'])
  })

  it('keeps a subscription made with the current key and tells the server about it', async () => {
    await askForReminders(['queue'])
    await dropThisBrowserPush()
    // A new session on a browser still subscribed (the sign-out could not reach it): the same one is sent again.
    browser.setPermission('granted')
    const kept = await browser.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: browser.pushManager.subscribe.mock.calls[0][0].applicationServerKey })
    mockNotifications().subscriptions.clear()
    await expect(askForReminders(['queue'])).resolves.toEqual({ outcome: 'subscribed' })
    expect(kept.unsubscribe).not.toHaveBeenCalled()
    expect([...mockNotifications().subscriptions.keys()]).toEqual([kept.endpoint])
  })

  it('never throws: a prompt that throws, a failing save', async () => {
    browser.answer = () => {
      throw new Error('permission prompt failed')
    }
    await expect(askForReminders(['queue'])).resolves.toEqual({ outcome: 'unavailable' })
    browser.answer = 'granted'
    server.use(http.put(`${API}/me/push-subscriptions`, () => HttpResponse.error()))
    await expect(askForReminders(['queue'], { again: true })).resolves.toEqual({ outcome: 'unavailable' })
  })
})

describe('browsers and builds that cannot', () => {
  it('stays quiet without a service worker (development builds), without prompting', async () => {
    removeFakeBrowserPush()
    browser = installFakeBrowserPush({ registered: false })
    browser.setPermission('granted')
    await expect(askForReminders(['queue'])).resolves.toEqual({ outcome: 'unavailable' })
    expect(mockNotifications().subscriptions.size).toBe(0)
  })

  it('stays quiet without Push (Safari before the app is installed), without prompting', async () => {
    removeFakeBrowserPush()
    browser = installFakeBrowserPush({ push: false })
    await expect(askForReminders(['queue'])).resolves.toEqual({ outcome: 'unavailable' })
    expect(browser.requestPermission).not.toHaveBeenCalled()
    await expect(browserPushState()).resolves.toBe('unsupported')
  })

  it('asks nothing before the server key has arrived', async () => {
    forgetNotificationConfig()
    await expect(askForReminders(['queue'])).resolves.toEqual({ outcome: 'unavailable' })
    expect(browser.requestPermission).not.toHaveBeenCalled()
  })
})

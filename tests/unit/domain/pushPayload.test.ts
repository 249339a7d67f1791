// Where a tapped notification leads, and the service worker's push handling (src/pwa/push-sw.js) run in a fake
// worker scope: the worker's copy of the URL mapping must answer exactly as the domain function does.
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { h5UrlOfPagePath, type WebPushPayload } from '@/domain/pushPayload'

const PATHS: Array<[unknown, string]> = [
  ['pages/ticket/index?id=t1', '/pages/ticket/index?id=t1'],
  ['/pages/ticket/index?id=t1', '/pages/ticket/index?id=t1'],
  ['packages/booking/detail/index?id=a%2F1', '/packages/booking/detail/index?id=a%2F1'],
  ['packages/apply/detail/index?no=2026120200001', '/packages/apply/detail/index?no=2026120200001'],
  ['pages/me/index', '/pages/me/index'],
  ['  pages/me/index  ', '/pages/me/index'],
  // Never another site, a script, or a path climbing out of the app.
  ['https://evil.example/pages/ticket/index', '/'],
  ['//evil.example/pages/ticket/index', '/'],
  ['javascript:alert(1)', '/'],
  ['pages/../../etc/passwd', '/'],
  ['pages/ticket/index#x', '/'],
  ['', '/'],
  [undefined, '/'],
  [42, '/'],
]

describe('h5UrlOfPagePath', () => {
  it.each(PATHS)('%p → %p', (input, expected) => {
    expect(h5UrlOfPagePath(input)).toBe(expected)
  })
})

type Listener = (event: Record<string, unknown>) => void

function loadWorker(openWindows: Array<{ url: string; controlled?: boolean }> = []) {
  const listeners: Record<string, Listener> = {}
  const shown: Array<{ title: string; options: NotificationOptions & { data?: { url: string } } }> = []
  const windows = openWindows.map((window) => ({
    url: window.url,
    focus: jest.fn(async function (this: unknown) {
      return this
    }),
    navigate: jest.fn(async (url: string) => (window.controlled === false ? Promise.reject(new TypeError('not controlled')) : { url })),
  }))
  const self = {
    location: new URL('https://banshi.example.cn/sw.js'),
    addEventListener: (type: string, listener: Listener) => (listeners[type] = listener),
    registration: { showNotification: jest.fn(async (title: string, options: NotificationOptions) => void shown.push({ title, options })) },
    clients: { matchAll: jest.fn(async () => windows), openWindow: jest.fn(async (url: string) => ({ url })) },
  }
  const source = fs.readFileSync(path.join(__dirname, '../../../src/pwa/push-sw.js'), 'utf8')
  vm.runInNewContext(source, { self, URL })
  const dispatch = async (type: string, event: Record<string, unknown>) => {
    let work: Promise<unknown> = Promise.resolve()
    listeners[type]({ ...event, waitUntil: (promise: Promise<unknown>) => (work = promise) })
    await work
  }
  return { self, shown, windows, dispatch }
}

const pushEvent = (payload: unknown) => ({
  data: {
    json: () => (typeof payload === 'string' ? JSON.parse(payload) : payload),
    text: () => (typeof payload === 'string' ? payload : JSON.stringify(payload)),
  },
})

describe('the service worker', () => {
  const payload: WebPushPayload = { title: '您的号 A012 快到了', body: '前面还有 3 人,请回到大厅', tag: 'ticket-t1', path: 'pages/ticket/index?id=t1', lang: 'zh-CN' }

  it('shows a push as a notification with the words, tag and language from the payload', async () => {
    const worker = loadWorker()
    await worker.dispatch('push', pushEvent(payload))
    expect(worker.shown).toEqual([
      { title: payload.title, options: { body: payload.body, tag: 'ticket-t1', lang: 'zh-CN', icon: '/pwa/icon-192.png', badge: '/pwa/icon-192.png', data: { url: '/pages/ticket/index?id=t1' } } },
    ])
  })

  it('maps every page path as the app does', async () => {
    const worker = loadWorker()
    for (const [input] of PATHS) await worker.dispatch('push', pushEvent({ ...payload, path: input }))
    expect(worker.shown.map((notification) => notification.options.data?.url)).toEqual(PATHS.map(([, expected]) => expected))
  })

  it('still shows something for a message that is not JSON (every push must be visible)', async () => {
    const worker = loadWorker()
    await worker.dispatch('push', pushEvent('not json'))
    expect(worker.shown[0]).toMatchObject({ title: 'banshi.example.cn', options: { body: 'not json', data: { url: '/' } } })
  })

  const click = (url: string) => ({ notification: { data: { url }, close: jest.fn() } })

  it('on a tap, focuses the open Banshi tab and takes it to the page', async () => {
    const worker = loadWorker([{ url: 'https://other.example/' }, { url: 'https://banshi.example.cn/pages/index/index' }])
    const event = click('/pages/ticket/index?id=t1')
    await worker.dispatch('notificationclick', event)
    expect(event.notification.close).toHaveBeenCalled()
    expect(worker.windows[0].focus).not.toHaveBeenCalled()
    expect(worker.windows[1].focus).toHaveBeenCalled()
    expect(worker.windows[1].navigate).toHaveBeenCalledWith('https://banshi.example.cn/pages/ticket/index?id=t1')
    expect(worker.self.clients.openWindow).not.toHaveBeenCalled()
  })

  it('opens a new window when no Banshi tab is open, or the open one cannot be navigated', async () => {
    const none = loadWorker()
    await none.dispatch('notificationclick', click('/pages/me/index'))
    expect(none.self.clients.openWindow).toHaveBeenCalledWith('https://banshi.example.cn/pages/me/index')

    const uncontrolled = loadWorker([{ url: 'https://banshi.example.cn/', controlled: false }])
    await uncontrolled.dispatch('notificationclick', click('/pages/me/index'))
    expect(uncontrolled.self.clients.openWindow).toHaveBeenCalledWith('https://banshi.example.cn/pages/me/index')
  })
})

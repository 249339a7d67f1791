// A browser with Notification, a registered service worker and a PushManager, enough for Banshi's Web Push code.

export class FakeSubscription {
  unsubscribe = jest.fn(async () => {
    this.manager.current = null
    return true
  })
  constructor(
    private readonly manager: FakePushManager,
    readonly endpoint: string,
    readonly options: { applicationServerKey: ArrayBuffer | null },
  ) {}
  toJSON() {
    return { endpoint: this.endpoint, expirationTime: null, keys: { p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM', auth: 'tBHItJI5svbpez7KI4CCXg' } }
  }
}

export class FakePushManager {
  current: FakeSubscription | null = null
  made = 0
  subscribe = jest.fn(async (options: PushSubscriptionOptionsInit) => {
    this.made += 1
    const key = (options.applicationServerKey as ArrayBuffer | undefined) ?? null
    this.current = new FakeSubscription(this, `https://push.example.test/send/${this.made}`, { applicationServerKey: key })
    return this.current
  })
  getSubscription = jest.fn(async () => this.current)
}

export interface FakeBrowser {
  pushManager: FakePushManager
  /** What the permission prompt answers next; a function to throw instead. */
  answer: NotificationPermission | (() => never)
  requestPermission: jest.Mock
  setPermission(permission: NotificationPermission): void
}

const installed: string[] = []

function define(target: object, name: string, value: unknown) {
  Object.defineProperty(target, name, { value, configurable: true, writable: true })
}

/** Installs the fake; `registered: false` is a development build with no service worker of ours. */
export function installFakeBrowserPush({ registered = true, push = true } = {}): FakeBrowser {
  ;(globalThis as Record<string, unknown>).BANSHI_SERVICE_WORKER = true
  const pushManager = new FakePushManager()
  const registration = { pushManager }
  let permission: NotificationPermission = 'default'
  const browser: FakeBrowser = {
    pushManager,
    answer: 'granted',
    requestPermission: jest.fn(() => {
      if (typeof browser.answer === 'function') browser.answer()
      permission = browser.answer as NotificationPermission
      return Promise.resolve(permission)
    }),
    setPermission(next) {
      permission = next
    },
  }
  define(window, 'Notification', {
    get permission() {
      return permission
    },
    requestPermission: browser.requestPermission,
  })
  installed.push('Notification')
  if (push) {
    define(window, 'PushManager', function PushManager() {})
    installed.push('PushManager')
  }
  define(navigator, 'serviceWorker', {
    getRegistration: jest.fn(async () => (registered ? registration : undefined)),
    // As in a browser: never settles while no worker is registered.
    ready: registered ? Promise.resolve(registration) : new Promise(() => undefined),
  })
  return browser
}

export function removeFakeBrowserPush(): void {
  ;(globalThis as Record<string, unknown>).BANSHI_SERVICE_WORKER = undefined
  for (const name of installed.splice(0)) delete (window as unknown as Record<string, unknown>)[name]
  delete (navigator as unknown as Record<string, unknown>).serviceWorker
}

// The H5 service worker hook-up: registration after load, and an update applied only when the person agrees.

class FakeWorker extends EventTarget {
  state = 'installing'
  messages: unknown[] = []
  postMessage(message: unknown) {
    this.messages.push(message)
  }
  become(state: string) {
    this.state = state
    this.dispatchEvent(new Event('statechange'))
  }
}

class FakeRegistration extends EventTarget {
  installing: FakeWorker | null = null
  waiting: FakeWorker | null = null
}

function installFakeContainer(controller: object | null) {
  const registration = new FakeRegistration()
  const container = Object.assign(new EventTarget(), {
    controller,
    register: jest.fn(async () => registration),
  })
  Object.defineProperty(navigator, 'serviceWorker', { value: container, configurable: true })
  return { container, registration }
}

function loadModule(enabled: boolean) {
  ;(globalThis as Record<string, unknown>).BANSHI_SERVICE_WORKER = enabled
  let loaded: typeof import('@/platform/serviceWorker.h5')
  jest.isolateModules(() => {
    loaded = require('@/platform/serviceWorker.h5')
  })
  return loaded!
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

afterEach(() => {
  delete (globalThis as Record<string, unknown>).BANSHI_SERVICE_WORKER
})

describe('offline support (H5)', () => {
  it('registers /sw.js in production builds and does nothing in development ones', async () => {
    const { container } = installFakeContainer(null)
    loadModule(false).startOfflineSupport(jest.fn())
    await flush()
    expect(container.register).not.toHaveBeenCalled()

    loadModule(true).startOfflineSupport(jest.fn())
    await flush()
    expect(container.register).toHaveBeenCalledWith('/sw.js', { updateViaCache: 'none' })
  })

  it('asks before applying a new version, and only then tells the waiting worker to take over', async () => {
    const { container, registration } = installFakeContainer({})
    const onUpdateReady = jest.fn()
    loadModule(true).startOfflineSupport(onUpdateReady)
    await flush()

    const next = new FakeWorker()
    registration.installing = next
    registration.dispatchEvent(new Event('updatefound'))
    next.become('installed')
    expect(onUpdateReady).toHaveBeenCalledTimes(1)
    expect(next.messages).toEqual([])

    const reload = jest.fn()
    Object.defineProperty(window, 'location', { value: { ...window.location, reload }, configurable: true })
    onUpdateReady.mock.calls[0][0]()
    expect(next.messages).toEqual([{ type: 'SKIP_WAITING' }])
    container.dispatchEvent(new Event('controllerchange'))
    container.dispatchEvent(new Event('controllerchange'))
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('does not offer an "update" on the very first install', async () => {
    const { registration } = installFakeContainer(null)
    const onUpdateReady = jest.fn()
    loadModule(true).startOfflineSupport(onUpdateReady)
    await flush()
    const first = new FakeWorker()
    registration.installing = first
    registration.dispatchEvent(new Event('updatefound'))
    first.become('installed')
    expect(onUpdateReady).not.toHaveBeenCalled()
  })

  it('offers a version that finished installing while the app was closed', async () => {
    const { registration, container } = installFakeContainer({})
    registration.waiting = new FakeWorker()
    container.register.mockResolvedValueOnce(registration)
    const onUpdateReady = jest.fn()
    loadModule(true).startOfflineSupport(onUpdateReady)
    await flush()
    expect(onUpdateReady).toHaveBeenCalledTimes(1)
  })
})

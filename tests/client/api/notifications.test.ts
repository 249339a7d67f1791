import { http } from 'msw'
import { server } from '../../../mock/node'
import { fixtureNotificationConfig, mockNotifications } from '../../../mock/handlers/notifications'
import { errorResponse } from '../../../mock/handlers/errors'
import {
  cachedNotificationConfig,
  fetchNotificationStatus,
  loadNotificationConfig,
  removePushSubscription,
  savePushSubscription,
  sendNotificationGrants,
  updateNotificationSettings,
} from '@/api/notifications'
import { ApiError } from '@/api/apiError'
import { useSessionStore } from '@/stores/session'

const API = 'http://banshi.test/api/v1'
const subscription = { endpoint: 'https://push.example.test/send/abc', keys: { p256dh: 'BPk3', auth: 'x9' }, expirationTime: null }

const signIn = () => useSessionStore.getState().signInWithSms('13812345678', '123456')

describe('notifications client against the mock API', () => {
  it('loads the config once for every caller and keeps it for the next tap', async () => {
    let requests = 0
    server.events.on('request:start', ({ request }) => {
      if (request.url.endsWith('/notifications/config')) requests += 1
    })
    expect(cachedNotificationConfig()).toBeNull()
    const [first, second] = await Promise.all([loadNotificationConfig(), loadNotificationConfig()])
    expect(first).toEqual(fixtureNotificationConfig)
    expect(second).toBe(first)
    expect(cachedNotificationConfig()).toEqual(fixtureNotificationConfig)
    await loadNotificationConfig()
    expect(requests).toBe(1)
    server.events.removeAllListeners()
  })

  it('answers null when the config cannot be had, and tries again next time', async () => {
    // A server without the notify routes yet.
    server.use(http.get(`${API}/notifications/config`, () => errorResponse(404, 'ROUTE_NOT_FOUND'), { once: true }))
    expect(await loadNotificationConfig()).toBeNull()
    expect(await loadNotificationConfig()).toEqual(fixtureNotificationConfig)
  })

  it('reports WeChat answers per template', async () => {
    await signIn()
    await sendNotificationGrants({ grants: [{ template: 'queue', result: 'accept' }, { template: 'appointment', result: 'reject' }] })
    expect(mockNotifications().grants).toEqual({ queue: 1, appointment: 0, application: 0 })
    expect(mockNotifications().grantPosts).toHaveLength(1)
  })

  it('saves and removes this browser’s push subscription', async () => {
    await signIn()
    await savePushSubscription(subscription)
    expect((await fetchNotificationStatus()).channels.webpush).toBe(1)
    await removePushSubscription(subscription.endpoint)
    expect((await fetchNotificationStatus()).channels.webpush).toBe(0)
  })

  it('reads and changes the settings', async () => {
    await signIn()
    const status = await fetchNotificationStatus()
    expect(status.settings).toEqual({ enabled: true, sms: true, locale: 'zh-CN' })
    const changed = await updateNotificationSettings({ sms: false, locale: 'en' })
    expect(changed.settings).toEqual({ enabled: true, sms: false, locale: 'en' })
    expect(changed.channels.sms).toBe(false)
  })

  it('turns a refused change into a stable error code', async () => {
    await signIn()
    await expect(updateNotificationSettings({ locale: 'fr' } as never)).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED' })
  })

  it('needs a signed-in person for anything personal', async () => {
    const refused = await fetchNotificationStatus().catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused).toMatchObject({ status: 401, code: 'AUTH_REQUIRED' })
  })
})

import { http, HttpResponse } from 'msw'
import type { NotificationConfig, NotificationGrantsBody, NotificationSettings, NotificationSettingsPatch, NotificationStatus, PushSubscriptionBody } from '../../src/domain/contract'
import { WECHAT_TEMPLATE_KEYS, type WechatTemplateKey } from '../../src/domain/notices'
import { errorResponse } from './errors'

const API = '*/api/v1'
const signedIn = (request: Request) => /^Bearer mock-access-\d+$/.test(request.headers.get('authorization') ?? '')

/** A P-256 public key generated for the mocks (web-push generateVAPIDKeys), so PushManager.subscribe accepts it. */
export const MOCK_VAPID_PUBLIC_KEY = 'BDEcClWhMXFkNNA256Maiknvj5cRxAkr1FnSvzZt4iqyfGvaE4lgzc81M8u0a0Eig1y0p18v62TXUS-GjJtsMx8'

export const fixtureNotificationConfig: NotificationConfig = {
  wechatTemplates: { queue: 'tmpl-queue-001', appointment: 'tmpl-appointment-002', application: 'tmpl-application-003' },
  vapidPublicKey: MOCK_VAPID_PUBLIC_KEY,
}

interface MockNotifications {
  settings: NotificationSettings
  grants: Record<WechatTemplateKey, number>
  subscriptions: Map<string, PushSubscriptionBody>
  /** Every grants body posted, in order: what tests check the consent answers against. */
  grantPosts: NotificationGrantsBody[]
}

const fresh = (): MockNotifications => ({
  settings: { enabled: true, sms: true, locale: 'zh-CN' },
  grants: { queue: 0, appointment: 0, application: 0 },
  subscriptions: new Map(),
  grantPosts: [],
})

let state = fresh()

export function resetMockNotifications(): void {
  state = fresh()
}

/** What the mock server holds now (read-only use in tests). */
export function mockNotifications(): Readonly<MockNotifications> {
  return state
}

function status(): NotificationStatus {
  return {
    settings: { ...state.settings },
    channels: { wechat: { ...state.grants }, webpush: state.subscriptions.size, sms: state.settings.enabled && state.settings.sms },
  }
}

const isTemplate = (value: unknown): value is WechatTemplateKey => (WECHAT_TEMPLATE_KEYS as readonly unknown[]).includes(value)
const ANSWERS = ['accept', 'reject', 'ban']

export const notificationHandlers = [
  http.get(`${API}/notifications/config`, () => HttpResponse.json(fixtureNotificationConfig)),

  http.post(`${API}/me/notification-grants`, async ({ request }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    const body = (await request.json()) as NotificationGrantsBody
    const grants = Array.isArray(body?.grants) ? body.grants : []
    if (grants.length < 1 || grants.length > 3 || !grants.every((grant) => isTemplate(grant.template) && ANSWERS.includes(grant.result))) {
      return errorResponse(400, 'VALIDATION_FAILED', [{ field: 'body.grants', issue: 'must be 1 to 3 template answers' }])
    }
    state.grantPosts.push(body)
    for (const grant of grants) state.grants[grant.template] = grant.result === 'accept' ? state.grants[grant.template] + 1 : 0
    return new HttpResponse(null, { status: 204 })
  }),

  http.put(`${API}/me/push-subscriptions`, async ({ request }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    const body = (await request.json()) as PushSubscriptionBody
    if (typeof body?.endpoint !== 'string' || !/^https:\/\//.test(body.endpoint) || !body.keys?.p256dh || !body.keys?.auth) {
      return errorResponse(400, 'VALIDATION_FAILED', [{ field: 'body.endpoint', issue: 'must be a push service URL with keys' }])
    }
    state.subscriptions.set(body.endpoint, body)
    return new HttpResponse(null, { status: 204 })
  }),

  http.delete(`${API}/me/push-subscriptions`, async ({ request }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    const body = (await request.json()) as { endpoint?: unknown }
    if (typeof body?.endpoint !== 'string') return errorResponse(400, 'VALIDATION_FAILED', [{ field: 'body.endpoint', issue: 'required' }])
    state.subscriptions.delete(body.endpoint)
    return new HttpResponse(null, { status: 204 })
  }),

  http.get(`${API}/me/notification-settings`, ({ request }) => (signedIn(request) ? HttpResponse.json(status()) : errorResponse(401, 'AUTH_REQUIRED'))),

  http.put(`${API}/me/notification-settings`, async ({ request }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    const patch = (await request.json()) as NotificationSettingsPatch
    const known = ['enabled', 'sms', 'locale']
    const valid =
      patch !== null &&
      typeof patch === 'object' &&
      Object.keys(patch).every((key) => known.includes(key)) &&
      (patch.enabled === undefined || typeof patch.enabled === 'boolean') &&
      (patch.sms === undefined || typeof patch.sms === 'boolean') &&
      (patch.locale === undefined || patch.locale === 'zh-CN' || patch.locale === 'en')
    if (!valid) return errorResponse(400, 'VALIDATION_FAILED', [{ field: 'body', issue: 'enabled, sms (booleans) and locale (zh-CN | en) only' }])
    state.settings = { ...state.settings, ...patch }
    return HttpResponse.json(status())
  }),
]

import { Type, type Static } from '@sinclair/typebox'
import { WECHAT_TEMPLATE_KEYS } from '../notices'

// Reminders outside the app: what the client needs to ask for consent, and how it reports what the person agreed to.

const TemplateKeySchema = Type.Union(WECHAT_TEMPLATE_KEYS.map((key) => Type.Literal(key)))
const NoticeLocaleSchema = Type.Union([Type.Literal('zh-CN'), Type.Literal('en')])

/** GET /api/v1/notifications/config (public): WeChat template ids (null: not configured) and the VAPID key. */
export const NotificationConfigSchema = Type.Object(
  {
    wechatTemplates: Type.Object({
      queue: Type.Union([Type.String(), Type.Null()]),
      appointment: Type.Union([Type.String(), Type.Null()]),
      application: Type.Union([Type.String(), Type.Null()]),
    }),
    vapidPublicKey: Type.Union([Type.String({ description: 'base64url, for PushManager.subscribe' }), Type.Null()]),
  },
  { $id: 'NotificationConfig' },
)

/**
 * POST /api/v1/me/notification-grants: what wx.requestSubscribeMessage answered, per template.
 * accept adds one grant (one message); reject and ban take every grant of that template away.
 */
export const NotificationGrantsBodySchema = Type.Object(
  {
    grants: Type.Array(Type.Object({ template: TemplateKeySchema, result: Type.Union([Type.Literal('accept'), Type.Literal('reject'), Type.Literal('ban')]) }), {
      minItems: 1,
      maxItems: 3,
    }),
  },
  { additionalProperties: false },
)

/** PUT /api/v1/me/push-subscriptions: PushSubscription.toJSON() of this browser. DELETE with {endpoint} removes it. */
export const PushSubscriptionBodySchema = Type.Object(
  {
    endpoint: Type.String({ format: 'uri', maxLength: 2048 }),
    keys: Type.Object({ p256dh: Type.String({ minLength: 1, maxLength: 200 }), auth: Type.String({ minLength: 1, maxLength: 100 }) }),
  },
  { additionalProperties: true },
)
export const PushUnsubscribeBodySchema = Type.Object({ endpoint: Type.String({ maxLength: 2048 }) })

/** GET / PUT /api/v1/me/notification-settings. */
export const NotificationSettingsSchema = Type.Object(
  {
    /** The person's own switch: off stops every reminder, on every channel. */
    enabled: Type.Boolean(),
    /** SMS as the fallback when neither WeChat nor Web Push can reach the person. */
    sms: Type.Boolean(),
    /** Language messages are written in; follows the app's language. */
    locale: NoticeLocaleSchema,
  },
  { $id: 'NotificationSettings' },
)
export const NotificationSettingsPatchSchema = Type.Partial(NotificationSettingsSchema, { additionalProperties: false })

/** What the settings screen shows: the switches plus which channels can reach this person now. */
export const NotificationStatusSchema = Type.Object(
  {
    settings: NotificationSettingsSchema,
    channels: Type.Object({
      wechat: Type.Object({ queue: Type.Integer(), appointment: Type.Integer(), application: Type.Integer() }, { description: 'grants left per template' }),
      webpush: Type.Integer({ description: 'browsers subscribed' }),
      sms: Type.Boolean({ description: 'a phone number is known and SMS is on' }),
    }),
  },
  { $id: 'NotificationStatus' },
)

export type NotificationConfig = Static<typeof NotificationConfigSchema>
export type NotificationGrantsBody = Static<typeof NotificationGrantsBodySchema>
export type PushSubscriptionBody = Static<typeof PushSubscriptionBodySchema>
export type NotificationSettings = Static<typeof NotificationSettingsSchema>
export type NotificationSettingsPatch = Static<typeof NotificationSettingsPatchSchema>
export type NotificationStatus = Static<typeof NotificationStatusSchema>

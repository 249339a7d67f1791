import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  NotificationConfigSchema,
  NotificationGrantsBodySchema,
  NotificationSettingsPatchSchema,
  NotificationStatusSchema,
  PushSubscriptionBodySchema,
  PushUnsubscribeBodySchema,
  type NotificationConfig,
} from '../../../src/domain/contract'
import { errorResponses } from '../../http/schemas'
import { principalOf } from '../../http/access'
import * as consent from './consent'

export interface NotificationRouteSettings {
  /** What GET /notifications/config answers: template ids and the VAPID public key. */
  config: NotificationConfig
  /** Development only: accept push endpoints on http://127.0.0.1 or localhost (a local fake push service). */
  allowLocalHttpPush: boolean
}

export const NO_NOTIFICATION_CHANNELS: NotificationRouteSettings = {
  config: { wechatTemplates: { queue: null, appointment: null, application: null }, vapidPublicKey: null },
  allowLocalHttpPush: false,
}

const CITIZENS = ['citizen'] as const

export const notificationRoutes =
  (settings: NotificationRouteSettings): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/notifications/config',
      {
        config: { access: 'public' },
        schema: {
          tags: ['notifications'],
          summary: 'What the app needs to ask for consent: WeChat template ids (null: not set up) and the Web Push key',
          response: { 200: NotificationConfigSchema },
        },
      },
      () => settings.config,
    )

    app.post(
      '/me/notification-grants',
      {
        config: { access: CITIZENS },
        schema: {
          tags: ['notifications'],
          summary: 'What wx.requestSubscribeMessage answered: accept adds one message per template, reject and ban take them all away',
          body: NotificationGrantsBodySchema,
          response: { 200: NotificationStatusSchema, ...errorResponses(400, 401, 403) },
        },
      },
      (request) => consent.recordGrants(app, principalOf(request).userId, request.body),
    )

    app.put(
      '/me/push-subscriptions',
      {
        config: { access: CITIZENS },
        schema: {
          tags: ['notifications'],
          summary: "Saves this browser's Web Push subscription (PushSubscription.toJSON()); at most 10 browsers are kept",
          body: PushSubscriptionBodySchema,
          response: { 200: NotificationStatusSchema, ...errorResponses(400, 401, 403) },
        },
      },
      (request) => consent.subscribe(app, principalOf(request).userId, request.body, settings.allowLocalHttpPush),
    )

    app.delete(
      '/me/push-subscriptions',
      {
        config: { access: CITIZENS },
        schema: {
          tags: ['notifications'],
          summary: "Forgets this browser's Web Push subscription (also when it was never saved)",
          body: PushUnsubscribeBodySchema,
          response: { 204: Type.Null(), ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => {
        await consent.unsubscribe(app, principalOf(request).userId, request.body.endpoint)
        return reply.code(204).send(null)
      },
    )

    app.get(
      '/me/notification-settings',
      {
        config: { access: CITIZENS },
        schema: {
          tags: ['notifications'],
          summary: 'My reminder switches, and which channels can reach me now',
          response: { 200: NotificationStatusSchema, ...errorResponses(401, 403) },
        },
      },
      (request) => consent.status(app, principalOf(request).userId),
    )

    app.put(
      '/me/notification-settings',
      {
        config: { access: CITIZENS },
        schema: {
          tags: ['notifications'],
          summary: 'Changes my reminder switches (all reminders, SMS fallback, language); fields left out stay as they are',
          body: NotificationSettingsPatchSchema,
          response: { 200: NotificationStatusSchema, ...errorResponses(400, 401, 403) },
        },
      },
      (request) => consent.updateSettings(app, principalOf(request).userId, request.body),
    )
  }

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  DevSignInBodySchema,
  RefreshBodySchema,
  SessionSchema,
  SmsSendBodySchema,
  SmsSentSchema,
  SmsVerifyBodySchema,
  StaffSignInBodySchema,
  WechatSignInBodySchema,
} from '../../../src/domain/contract'
import { errorResponses } from '../../http/schemas'
import { validationFailed } from '../../errors'
import { principalOf } from '../../http/access'
import { refreshSession } from './sessions'
import * as auth from './service'

const signedInResponses = { 200: SessionSchema }

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/auth/wechat',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Mini-program sign-in: the code from wx.login is exchanged with WeChat (code2session) for the openid',
        body: WechatSignInBodySchema,
        response: { ...signedInResponses, ...errorResponses(400, 429, 503) },
      },
    },
    (request) => auth.signInWithWechat(app, request.body.code, request.ip),
  )

  app.post(
    '/auth/sms/send',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Texts a 6-digit sign-in code (valid 5 minutes; 1 per minute and 10 per day per phone)',
        body: SmsSendBodySchema,
        response: { 200: SmsSentSchema, ...errorResponses(400, 429, 503) },
      },
    },
    (request) => auth.sendSmsCode(app, request.body.phone, request.ip),
  )

  app.post(
    '/auth/sms/verify',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Signs in with the texted code (single use, at most 5 tries); a new phone number becomes a new account',
        body: SmsVerifyBodySchema,
        response: { ...signedInResponses, ...errorResponses(400, 429) },
      },
    },
    (request) => auth.verifySmsCode(app, request.body.phone, request.body.code, request.ip),
  )

  app.post(
    '/auth/staff/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Staff sign-in (grid workers, window staff, admins); locked for 15 minutes after 5 wrong passwords',
        body: StaffSignInBodySchema,
        response: { ...signedInResponses, ...errorResponses(400, 401, 429) },
      },
    },
    (request) => auth.staffSignIn(app, request.body, request.ip, request.log),
  )

  app.post(
    '/auth/refresh',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'New token pair for a refresh token; each refresh token works once, and reusing one signs the device out',
        body: RefreshBodySchema,
        response: { ...signedInResponses, ...errorResponses(400, 401) },
      },
    },
    (request) => refreshSession(app, request.body.refreshToken, request.log),
  )

  app.post(
    '/auth/logout',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['auth'],
        summary: 'Signs this device out: its access and refresh tokens stop working at once',
        response: { 204: Type.Null(), ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      await auth.signOut(app, principalOf(request).sessionId)
      return reply.code(204).send(null)
    },
  )

  if (app.auth.devLogin) {
    app.post(
      '/auth/dev',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'DEMO AND TESTS ONLY (BANSHI_DEV_LOGIN=1): tokens for a phone or a staff username without a code',
          body: DevSignInBodySchema,
          response: { ...signedInResponses, ...errorResponses(400, 404) },
        },
      },
      (request) => {
        const { phone, username } = request.body
        if ((phone === undefined) === (username === undefined)) {
          throw validationFailed([{ field: 'body.phone', issue: 'give either phone or username' }])
        }
        return auth.devSignIn(app, phone !== undefined ? { phone } : { username: username! })
      },
    )
  }
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { DeviceSessionSchema, ProfileSchema, ProfileUpdateSchema, RecordIdParamsSchema } from '../../../src/domain/contract'
import { errorResponses } from '../../http/schemas'
import { principalOf } from '../../http/access'
import * as me from './service'

export const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/me',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['me'],
        summary: 'Who is signed in, with their own personal data in full (they are its owner)',
        response: { 200: ProfileSchema, ...errorResponses(401) },
      },
    },
    (request) => me.profile(app, principalOf(request)),
  )

  app.patch(
    '/me',
    {
      config: { access: ['citizen'] },
      schema: {
        tags: ['me'],
        summary: 'Name, ID number (with separate consent) and address, used to prefill forms',
        body: ProfileUpdateSchema,
        response: { 200: ProfileSchema, ...errorResponses(400, 401, 403) },
      },
    },
    (request) => me.updateProfile(app, principalOf(request), request.body),
  )

  app.delete(
    '/me',
    {
      config: { access: ['citizen'] },
      schema: {
        tags: ['me'],
        summary: 'Closes the account: signs out everywhere and erases the personal data',
        response: { 204: Type.Null(), ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await me.deleteAccount(app, principalOf(request))
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/me/sessions',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['me'],
        summary: 'Devices where I am signed in',
        response: { 200: Type.Array(DeviceSessionSchema), ...errorResponses(401) },
      },
    },
    (request) => me.deviceSessions(app, principalOf(request)),
  )

  app.delete(
    '/me/sessions/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['me'],
        summary: 'Signs one of my devices out',
        params: RecordIdParamsSchema,
        response: { 204: Type.Null(), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      await me.endDeviceSession(app, principalOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
}

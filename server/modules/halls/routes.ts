import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { HallDetailSchema, HallIdParamsSchema, HallListQuerySchema, HallSchema } from '../../../src/domain/contract'
import { validationFailed } from '../../errors'
import { errorResponses } from '../../http/schemas'
import * as halls from './service'

export const hallRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/halls',
    {
      config: { access: 'public' },
      schema: {
        tags: ['halls'],
        summary: 'Service halls, nearest first when lat/lng are given; only those handling `item` when given',
        querystring: HallListQuerySchema,
        response: { 200: Type.Array(HallSchema), ...errorResponses(400, 404) },
      },
    },
    (request) => {
      const { lat, lng, item } = request.query
      if ((lat === undefined) !== (lng === undefined)) {
        const missing = lat === undefined ? 'lat' : 'lng'
        throw validationFailed([{ field: `query.${missing}`, issue: 'lat and lng must be given together' }])
      }
      const origin = lat !== undefined && lng !== undefined ? { lat, lng } : undefined
      return halls.listHalls(app.db, app.clock, app.queue.states, { origin, itemCode: item })
    },
  )

  app.get(
    '/halls/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['halls'],
        summary: 'One hall with its weekly hours and queue categories',
        params: HallIdParamsSchema,
        response: { 200: HallDetailSchema, ...errorResponses(400, 404) },
      },
    },
    (request) => halls.hallDetail(app.db, app.clock, app.queue.states, request.params.id),
  )
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { CitizenLookupQuerySchema, CitizenRecordSchema, RecordIdParamsSchema } from '../../../src/domain/contract'
import { errorResponses } from '../../http/schemas'
import { principalOf } from '../../http/access'
import * as staff from './service'

// Grid workers see residents of their own grid (grid issue), not the whole citizen register.
const CITIZEN_DATA_READERS = ['window_staff', 'admin'] as const

export const staffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/staff/citizens',
    {
      config: { access: CITIZEN_DATA_READERS },
      schema: {
        tags: ['staff'],
        summary: 'Find a citizen by phone or ID number (audited)',
        querystring: CitizenLookupQuerySchema,
        response: { 200: Type.Array(CitizenRecordSchema), ...errorResponses(400, 401, 403) },
      },
    },
    (request) => staff.findCitizens(app, principalOf(request), request.query, request.ip),
  )

  app.get(
    '/staff/citizens/:id',
    {
      config: { access: CITIZEN_DATA_READERS },
      schema: {
        tags: ['staff'],
        summary: "A citizen's record in full (audited)",
        params: RecordIdParamsSchema,
        response: { 200: CitizenRecordSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) => staff.citizenRecord(app, principalOf(request), request.params.id, request.ip),
  )
}

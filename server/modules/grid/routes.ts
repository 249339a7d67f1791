import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ResidentApplicantSchema,
  ResidentDetailSchema,
  ResidentIdParamsSchema,
  ResidentListQuerySchema,
  ResidentListSchema,
  VisitBodySchema,
  VisitResultSchema,
} from '../../../src/domain/contract'
import { errorResponses } from '../../http/schemas'
import { principalOf } from '../../http/access'
import * as grid from './service'

const GRID_WORKERS = ['grid_worker'] as const
// An administrator may open any resident (e.g. to answer a complaint); the list is a grid worker's own round.
const GRID_READERS = ['grid_worker', 'admin'] as const

export const gridRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = { db: app.db, clock: app.clock, auth: app.auth }

  app.get(
    '/grid/residents',
    {
      config: { access: GRID_WORKERS },
      schema: {
        tags: ['grid'],
        summary: "The worker's own grid; eligible=1: who qualifies for something not yet applied for, most urgent first (audited)",
        querystring: ResidentListQuerySchema,
        response: { 200: ResidentListSchema, ...errorResponses(400, 401, 403) },
      },
    },
    (request) =>
      grid.residentList(
        deps,
        principalOf(request),
        { eligibleOnly: request.query.eligible === '1', limit: request.query.limit ?? 100, offset: request.query.offset ?? 0 },
        request.ip,
      ),
  )

  app.get(
    '/grid/residents/:id',
    {
      config: { access: GRID_READERS },
      schema: {
        tags: ['grid'],
        summary: 'One resident of the own grid: masked identity, address, phone, visits, applications (audited)',
        params: ResidentIdParamsSchema,
        response: { 200: ResidentDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) => grid.residentDetail(deps, principalOf(request), request.params.id, request.ip),
  )

  app.get(
    '/grid/residents/:id/applicant',
    {
      config: { access: GRID_WORKERS },
      schema: {
        tags: ['grid'],
        summary: 'The register data that prefills an application at the door, ID number in full (audited)',
        params: ResidentIdParamsSchema,
        response: { 200: ResidentApplicantSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) => grid.residentApplicant(deps, principalOf(request), request.params.id, request.ip),
  )

  app.post(
    '/grid/visits',
    {
      config: { access: GRID_WORKERS },
      schema: {
        tags: ['grid'],
        summary: 'Record a visit; the outcome drops or snoozes the resident on the list',
        body: VisitBodySchema,
        response: { 201: VisitResultSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const result = await grid.recordVisit(deps, principalOf(request), request.body, request.ip)
      return reply.code(201).send(result)
    },
  )
}

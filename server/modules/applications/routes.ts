import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ApplicationListSchema,
  ApplicationLookupQuerySchema,
  ApplicationNoParamsSchema,
  ApplicationProgressSchema,
  ApplicationSchema,
  ApplicationSubmitBodySchema,
  EvaluationBodySchema,
  EvaluationCreatedSchema,
  StaffApplicationSchema,
  StaffEventBodySchema,
} from '../../../src/domain/contract'
import { errorResponses } from '../../http/schemas'
import { principalOf } from '../../http/access'
import { idempotencyKeyOf, runIdempotent, sendIdempotent } from '../../http/idempotency'
import * as applications from './service'
import { recordEvent, staffApplication } from './staff'
import { evaluate } from './evaluations'

// Grid workers submit on residents' behalf (issue 8); the submitter and the applicant are kept apart.
const SUBMITTERS = ['citizen', 'grid_worker'] as const
const HALL_STAFF = ['window_staff'] as const

export const applicationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = { db: app.db, clock: app.clock, auth: app.auth }

  app.get(
    '/applications/lookup',
    {
      config: { access: 'public' },
      schema: {
        tags: ['applications'],
        summary: 'Progress without signing in: application number + last 4 digits of the phone (rate-limited)',
        querystring: ApplicationLookupQuerySchema,
        response: { 200: ApplicationProgressSchema, ...errorResponses(400, 404, 429) },
      },
    },
    (request) => applications.lookupProgress(deps, request.ip, request.query.no, request.query.phoneLast4),
  )

  app.post(
    '/applications',
    {
      config: { access: SUBMITTERS },
      schema: {
        tags: ['applications'],
        summary: 'Apply online (idempotent with Idempotency-Key); citizens for themselves or others, grid workers for residents',
        body: ApplicationSubmitBodySchema,
        response: { 201: ApplicationSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const result = await runIdempotent(app.db, request, async (trx) => ({
        status: 201,
        body: await applications.submitApplication(deps, trx, principalOf(request), request.body, idempotencyKeyOf(request)),
      }))
      return sendIdempotent(reply, result)
    },
  )

  app.get(
    '/applications',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['applications'],
        summary: 'My applications: submitted by me or on my behalf, newest first',
        response: { 200: ApplicationListSchema, ...errorResponses(401) },
      },
    },
    (request) => applications.myApplications(deps, principalOf(request)),
  )

  app.get(
    '/applications/:no',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['applications'],
        summary: 'One of my applications with its timeline, materials and rating',
        params: ApplicationNoParamsSchema,
        response: { 200: ApplicationSchema, ...errorResponses(401, 404) },
      },
    },
    (request) => applications.oneApplication(deps, principalOf(request), request.params.no),
  )

  app.post(
    '/evaluations',
    {
      config: { access: ['citizen'] },
      schema: {
        tags: ['applications'],
        summary: '好差评: rate a finished service once (the person served only)',
        body: EvaluationBodySchema,
        response: { 201: EvaluationCreatedSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await evaluate(deps, principalOf(request), request.body)),
  )

  app.get(
    '/staff/applications/:no',
    {
      config: { access: HALL_STAFF },
      schema: {
        tags: ['staff'],
        summary: "An application of my hall by number, with the applicant's data (audited) and the steps possible next",
        params: ApplicationNoParamsSchema,
        response: { 200: StaffApplicationSchema, ...errorResponses(401, 403, 404) },
      },
    },
    (request) => staffApplication(deps, principalOf(request), request.params.no, request.ip),
  )

  app.post(
    '/staff/applications/:no/events',
    {
      config: { access: HALL_STAFF },
      schema: {
        tags: ['staff'],
        summary: 'Records the next step (受理, 补正 with the missing materials, 审查, 决定, 办结, 送达); audited',
        params: ApplicationNoParamsSchema,
        body: StaffEventBodySchema,
        response: { 200: StaffApplicationSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) => recordEvent(deps, principalOf(request), request.params.no, request.body, request.ip),
  )
}

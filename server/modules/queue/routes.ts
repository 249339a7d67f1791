import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  CallNextBodySchema,
  HallIdParamsSchema,
  QueueEventsBodySchema,
  QueueEventsResultSchema,
  QueueSnapshotSchema,
  StaffQueueSchema,
  StaffWindowParamsSchema,
  TicketIdParamsSchema,
  TicketIssueBodySchema,
  TicketSchema,
  TransferBodySchema,
} from '../../../src/domain/contract'
import { errorResponses, withInnerIdsRemoved } from '../../http/schemas'
import { principalOf } from '../../http/access'
import { runIdempotent, sendIdempotent } from '../../http/idempotency'
import { notFound } from '../../errors'
import { itemExists } from '../catalog/repo'
import { announceQueueChange, cancelMyTicket, freshTicketView, issueTicket, myActiveTickets, myTicket, queueSnapshot, type QueueAnnouncement } from './service'
import { actOnTicket, callNext, closeWindow, staffQueue, type TicketAction } from './staff'
import { applyQueueEvents, hallOfKey } from './integration'

const HALL_STAFF = ['window_staff', 'admin'] as const

/** The hall whose key a queue-events request carried. */
const integrationHalls = new WeakMap<object, string>()

/** True when the client's If-None-Match names this ETag (a list, `*`, or a weak form all count). */
function matchesETag(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return header.split(',').some((tag) => {
    const trimmed = tag.trim()
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag
  })
}

export const queueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.queue

  app.get(
    '/halls/:id/queue',
    {
      config: { access: 'public' },
      schema: {
        tags: ['queue'],
        summary: 'Live queue of a hall per category; sends an ETag and answers 304 to a matching If-None-Match',
        params: HallIdParamsSchema,
        response: { 200: QueueSnapshotSchema, 304: Type.Null(), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const snapshot = await queueSnapshot(deps, request.params.id)
      reply.header('etag', snapshot.etag).header('cache-control', 'no-cache')
      if (matchesETag(request.headers['if-none-match'], snapshot.etag)) return reply.code(304).send(null)
      // Serialized once per state and shared by every poller and socket.
      return reply.type('application/json; charset=utf-8').send(snapshot.json as never)
    },
  )

  app.post(
    '/halls/:id/tickets',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['queue'],
        summary: '远程取号: a number for a category of an open hall; one active ticket per person and hall (Idempotency-Key)',
        params: HallIdParamsSchema,
        body: TicketIssueBodySchema,
        response: { 201: TicketSchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request)
      if (request.body.itemCode && !(await itemExists(app.db, request.body.itemCode))) throw notFound('ITEM_NOT_FOUND')
      let change: QueueAnnouncement | null = null
      const result = await runIdempotent(app.db, request, async (trx) => {
        const now = app.clock.now()
        const issued = await issueTicket(trx, {
          hallId: request.params.id,
          categoryId: request.body.categoryId,
          userId: principal.userId,
          source: 'app',
          now,
        })
        change = issued.change
        return { status: 201, body: await freshTicketView(trx, issued.ticket, now) }
      })
      if (change && !result.replayed) await announceQueueChange(deps, change)
      return sendIdempotent(reply, result)
    },
  )

  app.get(
    '/me/tickets',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['queue'],
        summary: "My numbers still in play today (waiting, called or being served), newest first",
        response: { 200: Type.Array(TicketSchema), ...errorResponses(401) },
      },
    },
    (request) => myActiveTickets(deps, principalOf(request)),
  )

  app.get(
    '/tickets/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['queue'],
        summary: 'My ticket with the people ahead and the estimated wait (owner only)',
        params: TicketIdParamsSchema,
        response: { 200: TicketSchema, ...errorResponses(400, 401, 404) },
      },
    },
    (request) => myTicket(deps, principalOf(request), request.params.id),
  )

  app.post(
    '/tickets/:id/cancel',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['queue'],
        summary: 'Give up my number (owner only)',
        params: TicketIdParamsSchema,
        response: { 200: TicketSchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    (request) => cancelMyTicket(deps, principalOf(request), request.params.id),
  )

  app.get(
    '/staff/halls/:id/queue',
    {
      config: { access: HALL_STAFF },
      schema: {
        tags: ['staff'],
        summary: "The window staff console: the hall's queue, every window's ticket and the waiting list in call order",
        params: HallIdParamsSchema,
        response: { 200: withInnerIdsRemoved(StaffQueueSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) => staffQueue(deps, principalOf(request), request.params.id),
  )

  app.post(
    '/staff/halls/:id/windows/:no/call-next',
    {
      config: { access: HALL_STAFF },
      schema: {
        tags: ['staff'],
        summary: 'Call the next number to this window (priority and appointments first); the previous one is done',
        params: StaffWindowParamsSchema,
        body: Type.Optional(CallNextBodySchema),
        response: { 200: TicketSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) => callNext(deps, principalOf(request), request.params.id, request.params.no, request.body?.categoryIds),
  )

  app.post(
    '/staff/halls/:id/windows/:no/close',
    {
      config: { access: HALL_STAFF },
      schema: {
        tags: ['staff'],
        summary: 'Close this window (break, end of shift): no calls, not counted in wait estimates; call-next reopens it',
        params: StaffWindowParamsSchema,
        response: { 200: withInnerIdsRemoved(StaffQueueSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) => closeWindow(deps, principalOf(request), request.params.id, request.params.no),
  )

  for (const action of ['recall', 'skip', 'complete'] as const satisfies readonly TicketAction[]) {
    app.post(
      `/staff/tickets/:id/${action}`,
      {
        config: { access: HALL_STAFF },
        schema: {
          tags: ['staff'],
          summary: { recall: 'Call the number again', skip: 'The holder did not come (过号)', complete: 'Service finished' }[action],
          params: TicketIdParamsSchema,
          response: { 200: TicketSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      (request) => actOnTicket(deps, principalOf(request), request.params.id, action),
    )
  }

  app.post(
    '/staff/tickets/:id/transfer',
    {
      config: { access: HALL_STAFF },
      schema: {
        tags: ['staff'],
        summary: 'Move the ticket to the queue of another category, keeping its place in time',
        params: TicketIdParamsSchema,
        body: TransferBodySchema,
        response: { 200: TicketSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) => actOnTicket(deps, principalOf(request), request.params.id, 'transfer', request.body.categoryId),
  )

  app.post(
    '/integrations/queue-events',
    {
      // The hall's API key (X-Api-Key), not a person's sign-in; checked before the body, so a caller without a
      // valid key learns nothing about the format.
      config: { access: 'public' },
      onRequest: async (request) => {
        const header = request.headers['x-api-key']
        integrationHalls.set(request, await hallOfKey(app.db, Array.isArray(header) ? header[0] : header))
      },
      schema: {
        tags: ['integrations'],
        summary: "A hall's queue machine reports issued/called/completed/skipped events (X-Api-Key; idempotent by eventId)",
        body: QueueEventsBodySchema,
        response: { 200: QueueEventsResultSchema, ...errorResponses(400, 401) },
      },
    },
    (request) => applyQueueEvents(deps, integrationHalls.get(request)!, request.body.events),
  )
}

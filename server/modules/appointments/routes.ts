import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  AppointmentCreateBodySchema,
  AppointmentIdParamsSchema,
  AppointmentListSchema,
  AppointmentSchema,
  CheckInBodySchema,
  CheckInResultSchema,
  HallIdParamsSchema,
  RescheduleBodySchema,
  SlotDayListSchema,
  SlotDaysQuerySchema,
  SlotListSchema,
  SlotQuerySchema,
  WaitlistEntryListSchema,
  WaitlistEntrySchema,
  WaitlistIdParamsSchema,
  WaitlistJoinBodySchema,
} from '../../../src/domain/contract'
import { errorResponses } from '../../http/schemas'
import { principalOf } from '../../http/access'
import { runIdempotent, sendIdempotent } from '../../http/idempotency'
import type { CheckInTickets } from './checkInTickets'
import type { AppointmentDeps } from './people'
import * as appointments from './service'
import { checkIn } from './checkIn'
import * as waitlist from './waitlist'

export function appointmentRoutes(tickets: CheckInTickets | null): FastifyPluginAsyncTypebox {
  return async (app) => {
    const deps: AppointmentDeps = { db: app.db, clock: app.clock, auth: app.auth, tickets }

    app.get(
      '/halls/:id/slots',
      {
        config: { access: 'public' },
        schema: {
          tags: ['appointments'],
          summary: "A day's bookable slots at a hall for an item, with the places left",
          params: HallIdParamsSchema,
          querystring: SlotQuerySchema,
          response: { 200: SlotListSchema, ...errorResponses(400, 404, 409) },
        },
      },
      (request) => appointments.slotsOn(deps, request.params.id, request.query.item, request.query.date),
    )

    app.get(
      '/halls/:id/slot-days',
      {
        config: { access: 'public' },
        schema: {
          tags: ['appointments'],
          summary: 'The next 14 days the hall opens, with the places left for an item (full days offer the waitlist)',
          params: HallIdParamsSchema,
          querystring: SlotDaysQuerySchema,
          response: { 200: SlotDayListSchema, ...errorResponses(400, 404, 409) },
        },
      },
      (request) => appointments.slotDays(deps, request.params.id, request.query.item),
    )

    app.post(
      '/appointments',
      {
        config: { access: 'signedIn' },
        schema: {
          tags: ['appointments'],
          summary: 'Book a slot (idempotent with Idempotency-Key); capacity is enforced by the database',
          body: AppointmentCreateBodySchema,
          response: { 201: AppointmentSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const result = await runIdempotent(app.db, request, async (trx) => ({
          status: 201,
          body: await appointments.book(deps, trx, principalOf(request), request.body),
        }))
        return sendIdempotent(reply, result)
      },
    )

    app.get(
      '/appointments',
      {
        config: { access: 'signedIn' },
        schema: {
          tags: ['appointments'],
          summary: 'My appointments: upcoming soonest first, then past ones latest first',
          response: { 200: AppointmentListSchema, ...errorResponses(401) },
        },
      },
      (request) => appointments.myAppointments(deps, principalOf(request)),
    )

    app.post(
      '/appointments/waitlist',
      {
        config: { access: 'signedIn' },
        schema: {
          tags: ['appointments'],
          summary: 'Join the waitlist of a fully booked day (idempotent with Idempotency-Key)',
          body: WaitlistJoinBodySchema,
          response: { 201: WaitlistEntrySchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const result = await runIdempotent(app.db, request, async (trx) => ({
          status: 201,
          body: await waitlist.joinWaitlist(deps, trx, principalOf(request), request.body),
        }))
        return sendIdempotent(reply, result)
      },
    )

    app.get(
      '/appointments/waitlist',
      {
        config: { access: 'signedIn' },
        schema: {
          tags: ['appointments'],
          summary: 'My waitlist entries, with my place in line and any place held for me',
          response: { 200: WaitlistEntryListSchema, ...errorResponses(401) },
        },
      },
      (request) => waitlist.myWaitlist(deps, principalOf(request)),
    )

    app.post(
      '/appointments/waitlist/:id/leave',
      {
        config: { access: 'signedIn' },
        schema: {
          tags: ['appointments'],
          summary: 'Leave a waitlist; a place held for me goes to the next person',
          params: WaitlistIdParamsSchema,
          response: { 200: WaitlistEntrySchema, ...errorResponses(401, 404) },
        },
      },
      (request) => waitlist.leaveWaitlist(deps, principalOf(request), request.params.id),
    )

    app.get(
      '/appointments/:id',
      {
        config: { access: 'signedIn' },
        schema: {
          tags: ['appointments'],
          summary: 'One of my appointments',
          params: AppointmentIdParamsSchema,
          response: { 200: AppointmentSchema, ...errorResponses(401, 404) },
        },
      },
      (request) => appointments.oneAppointment(deps, principalOf(request), request.params.id),
    )

    app.post(
      '/appointments/:id/cancel',
      {
        config: { access: 'signedIn' },
        schema: {
          tags: ['appointments'],
          summary: 'Cancel until 30 minutes before the start; the place goes to the waitlist first',
          params: AppointmentIdParamsSchema,
          response: { 200: AppointmentSchema, ...errorResponses(401, 404, 409) },
        },
      },
      (request) => appointments.cancelAppointment(deps, principalOf(request), request.params.id),
    )

    app.post(
      '/appointments/:id/reschedule',
      {
        config: { access: 'signedIn' },
        schema: {
          tags: ['appointments'],
          summary: 'Move to another slot atomically: the old place is given up only once the new one is taken',
          params: AppointmentIdParamsSchema,
          body: RescheduleBodySchema,
          response: { 200: AppointmentSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      (request) => appointments.rescheduleAppointment(deps, principalOf(request), request.params.id, request.body.slotId),
    )

    app.post(
      '/appointments/:id/running-late',
      {
        config: { access: 'signedIn' },
        schema: {
          tags: ['appointments'],
          summary: '"I\'m running late", said before the start: the appointment is kept 15 minutes longer',
          params: AppointmentIdParamsSchema,
          response: { 200: AppointmentSchema, ...errorResponses(401, 404, 409) },
        },
      },
      (request) => appointments.declareRunningLate(deps, principalOf(request), request.params.id),
    )

    app.post(
      '/appointments/:id/check-in',
      {
        config: { access: 'signedIn' },
        schema: {
          tags: ['appointments'],
          summary: "Check in at the hall (its QR code, or within 500 m) from 30 min before to 15 min after the start",
          params: AppointmentIdParamsSchema,
          body: CheckInBodySchema,
          response: { 200: CheckInResultSchema, ...errorResponses(400, 401, 404, 409) },
        },
      },
      (request) => checkIn(deps, principalOf(request), request.params.id, request.body),
    )
  }
}

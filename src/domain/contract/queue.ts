import { Type, type Static } from '@sinclair/typebox'
import { TICKET_SOURCES, TICKET_STATUSES } from '../ticketStatus'

// Live queue (排队叫号): snapshots, tickets, staff actions and the live socket's frames.

const IsoTime = Type.String({ description: 'ISO 8601 time with offset' })
const NullableString = Type.Union([Type.String(), Type.Null()])

export { ACTIVE_TICKET_STATUSES, TICKET_SOURCES, TICKET_STATUSES } from '../ticketStatus'

export const TicketStatusSchema = Type.Union(TICKET_STATUSES.map((status) => Type.Literal(status)))
export const TicketSourceSchema = Type.Union(TICKET_SOURCES.map((source) => Type.Literal(source)))

export const QueueCategorySnapshotSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  /** The letter numbers of this category start with (A → A001). */
  prefix: Type.String(),
  /** Numbers now at a window, most recently called first. */
  serving: Type.Array(Type.String()),
  waiting: Type.Integer({ minimum: 0 }),
  estimatedWaitMin: Type.Integer({ minimum: 0, description: 'P50 wait for someone taking a number now' }),
  estimatedWaitHighMin: Type.Integer({ minimum: 0, description: 'P80: the top of the honest range shown to people' }),
  openWindows: Type.Integer({ minimum: 0 }),
})

export const QueueSnapshotSchema = Type.Object(
  {
    hallId: Type.String(),
    version: Type.Integer({ minimum: 0, description: 'Grows with every change in this hall' }),
    updatedAt: IsoTime,
    openNow: Type.Boolean(),
    categories: Type.Array(QueueCategorySnapshotSchema),
  },
  { $id: 'QueueSnapshot' },
)

export const TicketSchema = Type.Object(
  {
    id: Type.String(),
    number: Type.String({ description: 'e.g. A023; unique per hall, category and day' }),
    hallId: Type.String(),
    hallName: Type.String(),
    categoryId: Type.String(),
    categoryName: Type.String(),
    status: TicketStatusSchema,
    priority: Type.Boolean({ description: 'Appointment or priority category: called before ordinary tickets' }),
    source: TicketSourceSchema,
    ahead: Type.Integer({ minimum: 0, description: 'People who will be called before this ticket' }),
    estimatedWaitMin: Type.Integer({ minimum: 0 }),
    estimatedWaitHighMin: Type.Integer({ minimum: 0 }),
    window: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'Window number once called' }),
    issuedAt: IsoTime,
    calledAt: Type.Union([IsoTime, Type.Null()]),
    finishedAt: Type.Union([IsoTime, Type.Null()]),
    appointmentId: NullableString,
  },
  { $id: 'Ticket' },
)

export const TicketIssueBodySchema = Type.Object({
  categoryId: Type.String({ minLength: 1, maxLength: 64 }),
  itemCode: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
})

export const TicketIdParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

export const StaffWindowParamsSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  no: Type.Integer({ minimum: 1, maximum: 999 }),
})

export const CallNextBodySchema = Type.Object({
  categoryIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20 })),
})

export const TransferBodySchema = Type.Object({ categoryId: Type.String({ minLength: 1, maxLength: 64 }) })

/** What a window's staff console shows: the whole hall's queue plus its own window. */
export const StaffQueueSchema = Type.Object(
  {
    snapshot: QueueSnapshotSchema,
    windows: Type.Array(
      Type.Object({
        no: Type.Integer({ minimum: 1 }),
        /** Closed windows call no one and do not count in wait estimates; calling the next number opens one again. */
        open: Type.Boolean(),
        ticket: Type.Union([TicketSchema, Type.Null()]),
      }),
    ),
    waiting: Type.Array(TicketSchema, { description: 'In the order they will be called' }),
  },
  { $id: 'StaffQueue' },
)

export const QUEUE_EVENT_TYPES = ['issued', 'called', 'completed', 'skipped'] as const
export const QueueEventSchema = Type.Object({
  eventId: Type.String({ minLength: 1, maxLength: 64, description: 'The same id twice is applied once' }),
  type: Type.Union(QUEUE_EVENT_TYPES.map((type) => Type.Literal(type))),
  categoryId: Type.String({ minLength: 1, maxLength: 64 }),
  number: Type.String({ minLength: 1, maxLength: 16 }),
  window: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
  at: Type.Optional(IsoTime),
})
export const QueueEventsBodySchema = Type.Object({ events: Type.Array(QueueEventSchema, { minItems: 1, maxItems: 200 }) })
export const QueueEventsResultSchema = Type.Object({
  applied: Type.Integer({ minimum: 0 }),
  duplicates: Type.Integer({ minimum: 0 }),
})

/** Frames on WS /api/v1/live. */
export type LiveClientFrame =
  | { type: 'subscribe'; hall: string }
  | { type: 'subscribe'; ticket: string }
  | { type: 'unsubscribe'; hall: string }
  | { type: 'unsubscribe'; ticket: string }
  | { type: 'pong' }

export type LiveServerFrame =
  | ({ type: 'queue' } & QueueSnapshot)
  | ({ type: 'ticket' } & Ticket)
  | { type: 'ping' }
  | { type: 'error'; code: string; message: string }

export type TicketStatus = Static<typeof TicketStatusSchema>
export type TicketSource = Static<typeof TicketSourceSchema>
export type QueueCategorySnapshot = Static<typeof QueueCategorySnapshotSchema>
export type QueueSnapshot = Static<typeof QueueSnapshotSchema>
export type Ticket = Static<typeof TicketSchema>
export type TicketIssueBody = Static<typeof TicketIssueBodySchema>
export type CallNextBody = Static<typeof CallNextBodySchema>
export type TransferBody = Static<typeof TransferBodySchema>
export type StaffQueue = Static<typeof StaffQueueSchema>
export type QueueEvent = Static<typeof QueueEventSchema>

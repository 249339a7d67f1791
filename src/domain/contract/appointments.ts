import { Type, type Static } from '@sinclair/typebox'
import { ID_NUMBER_PATTERN, MOBILE_PATTERN } from '../identity'
import { TicketSchema } from './queue'

// Appointments (网上预约): slots, bookings, check-in and the waitlist.

const IsoTime = Type.String({ description: 'ISO 8601 time with offset (Asia/Shanghai)' })
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, Asia/Shanghai' })

export const APPOINTMENT_STATUSES = ['booked', 'checked_in', 'cancelled', 'no_show', 'done'] as const
export const AppointmentStatusSchema = Type.Union(APPOINTMENT_STATUSES.map((status) => Type.Literal(status)))

export const SlotSchema = Type.Object(
  {
    id: Type.String(),
    startsAt: IsoTime,
    endsAt: IsoTime,
    capacity: Type.Integer({ minimum: 0 }),
    remaining: Type.Integer({ minimum: 0 }),
  },
  { $id: 'Slot' },
)

export const SlotQuerySchema = Type.Object({
  date: IsoDate,
  item: Type.String({ minLength: 1, maxLength: 32 }),
})

/** The days a hall can be booked for an item, for the date picker: next 14 days the hall is open. */
export const SlotDaySchema = Type.Object({
  date: IsoDate,
  remaining: Type.Integer({ minimum: 0 }),
  full: Type.Boolean({ description: 'Every slot taken: the day offers the waitlist instead' }),
})
export const SlotDaysQuerySchema = Type.Object({ item: Type.String({ minLength: 1, maxLength: 32 }) })

export const AppointmentSchema = Type.Object(
  {
    id: Type.String(),
    code: Type.String({ description: 'Shown at the hall and encoded in the QR code' }),
    status: AppointmentStatusSchema,
    hallId: Type.String(),
    hallName: Type.String(),
    hallAddress: Type.String(),
    itemCode: Type.String(),
    itemName: Type.String(),
    slot: Type.Object({ id: Type.String(), startsAt: IsoTime, endsAt: IsoTime }),
    name: Type.String(),
    phoneMasked: Type.String(),
    idNumberMasked: Type.String(),
    createdAt: IsoTime,
    runningLate: Type.Boolean({ description: 'Said "I am running late" before the start: kept until 15 min past' }),
    ticketId: Type.Union([Type.String(), Type.Null()]),
    canCancel: Type.Boolean(),
    canReschedule: Type.Boolean(),
    canCheckIn: Type.Boolean({ description: 'Now within 30 min before to 15 min after the start' }),
  },
  { $id: 'Appointment' },
)

export const AppointmentCreateBodySchema = Type.Object({
  slotId: Type.String({ minLength: 1, maxLength: 64 }),
  itemCode: Type.String({ minLength: 1, maxLength: 32 }),
  name: Type.String({ minLength: 1, maxLength: 40 }),
  phone: Type.String({ pattern: MOBILE_PATTERN }),
  idNumber: Type.String({ minLength: 1, maxLength: 18, description: `Checked against ${ID_NUMBER_PATTERN} and its check digit` }),
})

export const AppointmentIdParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })
export const RescheduleBodySchema = Type.Object({ slotId: Type.String({ minLength: 1, maxLength: 64 }) })

export const CheckInBodySchema = Type.Union([
  Type.Object({ method: Type.Literal('scan'), hallCode: Type.String({ minLength: 1, maxLength: 200, description: 'The hall QR payload, banshi:hall:<id>' }) }),
  Type.Object({
    method: Type.Literal('nearby'),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
  }),
])

export const CheckInResultSchema = Type.Object(
  { appointment: AppointmentSchema, ticket: Type.Union([TicketSchema, Type.Null()]) },
  { $id: 'CheckInResult' },
)

export const WAITLIST_STATUSES = ['waiting', 'offered', 'booked', 'left', 'expired'] as const
export const WaitlistEntrySchema = Type.Object(
  {
    id: Type.String(),
    hallId: Type.String(),
    hallName: Type.String(),
    itemCode: Type.String(),
    itemName: Type.String(),
    date: IsoDate,
    status: Type.Union(WAITLIST_STATUSES.map((status) => Type.Literal(status))),
    position: Type.Integer({ minimum: 0, description: 'People before you on this day; 0 once offered' }),
    /** A released place held for you until expiresAt: book it with POST /appointments and this slotId. */
    offer: Type.Union([Type.Object({ slotId: Type.String(), startsAt: IsoTime, expiresAt: IsoTime }), Type.Null()]),
    createdAt: IsoTime,
  },
  { $id: 'WaitlistEntry' },
)
export const WaitlistJoinBodySchema = Type.Object({
  hallId: Type.String({ minLength: 1, maxLength: 64 }),
  itemCode: Type.String({ minLength: 1, maxLength: 32 }),
  date: IsoDate,
  name: Type.String({ minLength: 1, maxLength: 40 }),
  phone: Type.String({ pattern: MOBILE_PATTERN }),
  idNumber: Type.String({ minLength: 1, maxLength: 18 }),
})

/** Server side additions for lists: upcoming (soonest first) then past (latest first). */
export const SlotListSchema = Type.Array(SlotSchema)
export const SlotDayListSchema = Type.Array(SlotDaySchema)
export const AppointmentListSchema = Type.Array(AppointmentSchema)
export const WaitlistEntryListSchema = Type.Array(WaitlistEntrySchema)
export const WaitlistIdParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

export type AppointmentStatus = Static<typeof AppointmentStatusSchema>
export type Slot = Static<typeof SlotSchema>
export type SlotDay = Static<typeof SlotDaySchema>
export type Appointment = Static<typeof AppointmentSchema>
export type AppointmentCreateBody = Static<typeof AppointmentCreateBodySchema>
export type CheckInBody = Static<typeof CheckInBodySchema>
export type CheckInResult = Static<typeof CheckInResultSchema>
export type WaitlistEntry = Static<typeof WaitlistEntrySchema>
export type WaitlistJoinBody = Static<typeof WaitlistJoinBodySchema>

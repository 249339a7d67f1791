import { Type, type Static } from '@sinclair/typebox'

export const HallLevelSchema = Type.Union([
  Type.Literal('district'),
  Type.Literal('street'),
  Type.Literal('community'),
])

const TimeOfDay = Type.String({ pattern: '^([01]\\d|2[0-4]):[0-5]\\d$' })

export const OpeningPeriodSchema = Type.Object({ opens: TimeOfDay, closes: TimeOfDay })

/** Weekly hours as published: keys like "mon-fri", "sat", "sun" (or single days); gaps are lunch breaks. */
export const WeeklyHoursSchema = Type.Record(Type.String(), Type.Array(Type.Tuple([TimeOfDay, TimeOfDay])))

export const QueueCategorySchema = Type.Object({ id: Type.String(), name: Type.String() })

export const QueueSummarySchema = Type.Object({
  waiting: Type.Integer({ minimum: 0 }),
  estimatedWaitMin: Type.Integer({ minimum: 0, description: 'P50 wait for someone taking a number now' }),
  estimatedWaitHighMin: Type.Integer({ minimum: 0, description: 'P80: the top of the range shown to people' }),
})

export const HallSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    level: HallLevelSchema,
    parent: Type.Union([Type.String(), Type.Null()]),
    address: Type.String(),
    lat: Type.Number(),
    lng: Type.Number(),
    phone: Type.String(),
    distanceM: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
      description: 'Metres from the lat/lng given in the request; null when none was given',
    }),
    openNow: Type.Boolean(),
    hoursToday: Type.Array(OpeningPeriodSchema, { description: 'Empty when the hall is closed today' }),
    selfService24h: Type.Boolean(),
    queue: Type.Union([QueueSummarySchema, Type.Null()], { description: 'Live figures over all categories; null when the hall runs no queue' }),
  },
  { $id: 'Hall' },
)

export const HallDetailSchema = Type.Composite(
  [
    HallSchema,
    Type.Object({
      windows: Type.Integer({ minimum: 0 }),
      hours: WeeklyHoursSchema,
      categories: Type.Array(QueueCategorySchema),
    }),
  ],
  { $id: 'HallDetail' },
)

export const HallListQuerySchema = Type.Object({
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  item: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
})

export const HallIdParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

export type HallLevel = Static<typeof HallLevelSchema>
export type OpeningPeriod = Static<typeof OpeningPeriodSchema>
export type WeeklyHours = Static<typeof WeeklyHoursSchema>
export type QueueCategory = Static<typeof QueueCategorySchema>
export type Hall = Static<typeof HallSchema>
export type HallDetail = Static<typeof HallDetailSchema>
export type HallListQuery = Static<typeof HallListQuerySchema>

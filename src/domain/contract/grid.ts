import { Type, type Static } from '@sinclair/typebox'
import { RESIDENT_TAGS, VISIT_OUTCOMES } from '../eligibility'
import { ApplicationSummarySchema } from './applications'

// Grid workers (网格员): their own grid's residents, who qualifies for what, and visits at the door.

const IsoTime = Type.String({ description: 'ISO 8601 time' })
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, Asia/Shanghai' })

export const ResidentTagSchema = Type.Union(RESIDENT_TAGS.map((tag) => Type.Literal(tag)))
export const VisitOutcomeSchema = Type.Union(VISIT_OUTCOMES.map((outcome) => Type.Literal(outcome)))

export const EligibilityReasonSchema = Type.Union([
  Type.Object({ kind: Type.Literal('age'), age: Type.Integer(), on: IsoDate, reached: Type.Boolean() }),
  Type.Object({ kind: Type.Literal('tags'), tags: Type.Array(ResidentTagSchema) }),
])

export const EligibleItemSchema = Type.Object({
  itemCode: Type.String(),
  itemName: Type.String(),
  reason: EligibilityReasonSchema,
  from: IsoDate,
  daysUntil: Type.Integer({ description: 'Days until eligible; 0 or below once eligible' }),
})

export const ResidentSummarySchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    sex: Type.Union([Type.Literal('male'), Type.Literal('female')]),
    age: Type.Integer({ minimum: 0 }),
    addressMasked: Type.String(),
    eligible: Type.Array(EligibleItemSchema, { description: 'Most urgent first' }),
    snoozedUntil: Type.Union([IsoDate, Type.Null()]),
    lastVisit: Type.Union([Type.Object({ at: IsoTime, outcome: VisitOutcomeSchema }), Type.Null()]),
  },
  { $id: 'ResidentSummary' },
)

export const ResidentListSchema = Type.Object(
  { gridId: Type.String(), gridName: Type.String(), total: Type.Integer({ minimum: 0 }), residents: Type.Array(ResidentSummarySchema) },
  { $id: 'ResidentList' },
)

export const ResidentListQuerySchema = Type.Object({
  eligible: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('0')], { description: '1: only residents with something to apply for and not snoozed' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
})

export const VisitSchema = Type.Object({
  id: Type.String(),
  at: IsoTime,
  outcome: VisitOutcomeSchema,
  itemCode: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  workerName: Type.Union([Type.String(), Type.Null()]),
})

export const ResidentDetailSchema = Type.Composite(
  [
    ResidentSummarySchema,
    Type.Object({
      birthDate: IsoDate,
      idNumberMasked: Type.String(),
      phone: Type.Union([Type.String(), Type.Null()], { description: 'In full: the worker calls before visiting' }),
      address: Type.String({ description: 'In full: the worker goes there' }),
      lat: Type.Union([Type.Number(), Type.Null()]),
      lng: Type.Union([Type.Number(), Type.Null()]),
      tags: Type.Array(ResidentTagSchema),
      visits: Type.Array(VisitSchema, { description: 'Newest first' }),
      applications: Type.Array(ApplicationSummarySchema, { description: 'Submitted for this resident, newest first' }),
    }),
  ],
  { $id: 'ResidentDetail' },
)

/** What the application form is prefilled with at the door (audited separately: it carries the ID number). */
export const ResidentApplicantSchema = Type.Object(
  {
    name: Type.String(),
    idNumber: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    address: Type.String(),
  },
  { $id: 'ResidentApplicant' },
)

export const VisitBodySchema = Type.Object({
  residentId: Type.String({ minLength: 1, maxLength: 40 }),
  outcome: VisitOutcomeSchema,
  itemCode: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
  note: Type.Optional(Type.String({ maxLength: 500 })),
})

export const VisitResultSchema = Type.Object(
  { visit: VisitSchema, snoozedUntil: Type.Union([IsoDate, Type.Null()]) },
  { $id: 'VisitResult' },
)

export const ResidentIdParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) })

export type EligibleItem = Static<typeof EligibleItemSchema>
export type ResidentSummary = Static<typeof ResidentSummarySchema>
export type ResidentList = Static<typeof ResidentListSchema>
export type ResidentListQuery = Static<typeof ResidentListQuerySchema>
export type ResidentDetail = Static<typeof ResidentDetailSchema>
export type ResidentApplicant = Static<typeof ResidentApplicantSchema>
export type Visit = Static<typeof VisitSchema>
export type VisitBody = Static<typeof VisitBodySchema>
export type VisitResult = Static<typeof VisitResultSchema>

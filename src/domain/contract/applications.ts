import { Type, type Static } from '@sinclair/typebox'
import { APPLICATION_STAGES, DECISION_OUTCOMES, STAFF_STAGES } from '../applicationStatus'
import { ID_NUMBER_PATTERN, MOBILE_PATTERN } from '../identity'
import { APPLICATION_MATERIALS_MAX, EVALUATION_COMMENT_MAX } from '../limits'
import { OnlineModeSchema } from './catalog'
import { RoleSchema } from './auth'

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])
const IsoTime = Type.String({ description: 'ISO 8601 time, UTC' })
const IsoDate = Type.String({ description: 'YYYY-MM-DD, Asia/Shanghai' })

export const ApplicationStageSchema = Type.Union(APPLICATION_STAGES.map((stage) => Type.Literal(stage)))
export const StaffStageSchema = Type.Union(STAFF_STAGES.map((stage) => Type.Literal(stage)))
export const DecisionOutcomeSchema = Type.Union(DECISION_OUTCOMES.map((outcome) => Type.Literal(outcome)))

export const DeliverySchema = Type.Union([
  Type.Object({ method: Type.Literal('pickup'), place: Type.String({ minLength: 1, maxLength: 120, description: '领取地点' }) }),
  Type.Object({
    method: Type.Literal('express'),
    carrier: Type.String({ minLength: 1, maxLength: 20, description: 'e.g. EMS' }),
    trackingNo: Type.String({ minLength: 4, maxLength: 40, pattern: '^[0-9A-Za-z-]+$' }),
  }),
])

export const ApplicationEventSchema = Type.Object({
  at: IsoTime,
  stage: ApplicationStageSchema,
  note: Nullable(Type.String()),
  /** 补正: exactly which materials are missing. */
  materials: Type.Optional(Type.Array(Type.String())),
  /** 决定: the result. */
  outcome: Type.Optional(DecisionOutcomeSchema),
  /** 送达: how the result reaches the applicant. */
  delivery: Type.Optional(DeliverySchema),
})

export const HallContactSchema = Type.Object({ id: Type.String(), name: Type.String(), address: Type.String(), phone: Type.String() })

/** What anyone with the number and the phone's last four digits may see: no personal data beyond masked forms. */
export const ApplicationProgressSchema = Type.Object(
  {
    no: Type.String(),
    itemCode: Type.String(),
    itemName: Type.String(),
    status: ApplicationStageSchema,
    applicantNameMasked: Type.String({ description: 'e.g. 张*' }),
    phoneMasked: Type.String(),
    hall: HallContactSchema,
    submittedAt: IsoTime,
    acceptedOn: Nullable(IsoDate),
    promisedDays: Type.Integer({ minimum: 0, description: 'Working days from acceptance' }),
    promisedDueDate: Nullable(IsoDate),
    daysLeft: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: 'Working days left; null before acceptance, when overdue or finished' }),
    daysOverdue: Type.Integer({ minimum: 0 }),
    overdue: Type.Boolean(),
    /** While 补正 is open: what to bring or upload. */
    missingMaterials: Type.Array(Type.String()),
    outcome: Type.Union([DecisionOutcomeSchema, Type.Null()]),
    delivery: Type.Union([DeliverySchema, Type.Null()]),
    events: Type.Array(ApplicationEventSchema),
  },
  { $id: 'ApplicationProgress' },
)

export const ApplicationMaterialSchema = Type.Object({
  uploadId: Type.String(),
  name: Type.String({ description: 'Which material of the guide this is' }),
  mime: Type.String(),
  size: Type.Integer({ minimum: 0 }),
})

export const EvaluationSchema = Type.Object({
  score: Type.Integer({ minimum: 1, maximum: 5 }),
  tags: Type.Array(Type.String()),
  comment: Nullable(Type.String()),
  createdAt: IsoTime,
})

/** The applicant's own view (and the grid worker's who submitted it): progress plus their own data, masked. */
export const ApplicationSchema = Type.Composite(
  [
    ApplicationProgressSchema,
    Type.Object({
      onlineMode: OnlineModeSchema,
      applicant: Type.Object({
        name: Type.String(),
        idNumberMasked: Type.String(),
        phoneMasked: Type.String(),
      }),
      submittedBy: Type.Object({ role: RoleSchema, name: Nullable(Type.String()), onBehalf: Type.Boolean() }),
      materials: Type.Array(ApplicationMaterialSchema),
      evaluation: Type.Union([EvaluationSchema, Type.Null()]),
      canEvaluate: Type.Boolean({ description: 'Finished, not yet rated, and the caller is the person served' }),
    }),
  ],
  { $id: 'Application' },
)

export const ApplicationSummarySchema = Type.Object({
  no: Type.String(),
  itemName: Type.String(),
  status: ApplicationStageSchema,
  submittedAt: IsoTime,
  promisedDueDate: Nullable(IsoDate),
  overdue: Type.Boolean(),
  onBehalf: Type.Boolean({ description: 'Submitted for me by a grid worker, or by me for someone else' }),
  canEvaluate: Type.Boolean(),
})
export const ApplicationListSchema = Type.Array(ApplicationSummarySchema, { $id: 'ApplicationList' })

/** Window staff of the handling hall: the applicant in full (audited) and what they may record next. */
export const StaffApplicationSchema = Type.Composite(
  [
    Type.Omit(ApplicationSchema, ['applicant', 'canEvaluate']),
    Type.Object({
      applicant: Type.Object({
        name: Type.String(),
        idNumber: Type.String(),
        phone: Type.String(),
        address: Nullable(Type.String()),
      }),
      itemMaterials: Type.Array(Type.String({ description: 'Every material the guide lists, to choose from for 补正' })),
      eligibilityOverride: Type.Union([Type.String(), Type.Null()], {
        description: "A grid worker's reason for applying although the register said the resident did not qualify yet",
      }),
      nextStages: Type.Array(StaffStageSchema),
    }),
  ],
  { $id: 'StaffApplication' },
)

export const ApplicantInputSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 40 }),
  idNumber: Type.String({ pattern: ID_NUMBER_PATTERN }),
  phone: Type.String({ pattern: MOBILE_PATTERN }),
  address: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
})

export const ApplicationSubmitBodySchema = Type.Object({
  itemCode: Type.String({ minLength: 1, maxLength: 32 }),
  hallId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Handling hall; by default the first hall that handles the item' })),
  applicant: ApplicantInputSchema,
  materials: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: APPLICATION_MATERIALS_MAX, description: 'Upload ids' }),
  materialNames: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
      maxItems: APPLICATION_MATERIALS_MAX,
      description: "Which guide material each upload is, in the same order; by default the item's required materials in order",
    }),
  ),
  consent: Type.Optional(
    Type.Object(
      {
        sensitive: Type.Boolean(),
        at: Type.Optional(Type.String()),
        /** At the door: the resident's signature drawn on the screen, or a photo of the signed paper form (an upload). */
        signatureUploadId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
        /** At the door: the grid worker attests the resident agreed in person. */
        attestation: Type.Optional(Type.Boolean()),
      },
      { additionalProperties: true },
    ),
  ),
  /** A grid worker applying at the door: the register entry the applicant is (the ID number must match). */
  residentId: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  /** Applying although the rules say the resident does not qualify (yet): the worker's reason, recorded. */
  eligibilityOverride: Type.Optional(Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) })),
})

export const ApplicationNoParamsSchema = Type.Object({ no: Type.String({ minLength: 1, maxLength: 40 }) })
export const ApplicationLookupQuerySchema = Type.Object({
  no: Type.String({ minLength: 1, maxLength: 40 }),
  phoneLast4: Type.String({ pattern: '^[0-9]{4}$' }),
})

export const StaffEventBodySchema = Type.Object({
  stage: StaffStageSchema,
  note: Type.Optional(Type.String({ maxLength: 300 })),
  materials: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: APPLICATION_MATERIALS_MAX })),
  outcome: Type.Optional(DecisionOutcomeSchema),
  delivery: Type.Optional(DeliverySchema),
})

export const UploadSchema = Type.Object(
  { id: Type.String(), size: Type.Integer({ minimum: 1 }), mime: Type.String() },
  { $id: 'Upload' },
)

export const EVALUATION_TARGET_TYPES = ['appointment', 'ticket', 'application'] as const
export const EvaluationBodySchema = Type.Object({
  target: Type.Object({
    type: Type.Union(EVALUATION_TARGET_TYPES.map((type) => Type.Literal(type))),
    id: Type.String({ minLength: 1, maxLength: 64 }),
  }),
  score: Type.Integer({ minimum: 1, maximum: 5 }),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 10 })),
  comment: Type.Optional(Type.String({ maxLength: EVALUATION_COMMENT_MAX })),
})
export const EvaluationCreatedSchema = Type.Composite([
  Type.Object({ id: Type.String(), target: EvaluationBodySchema.properties.target }),
  EvaluationSchema,
])

export type ApplicationEvent = Static<typeof ApplicationEventSchema>
export type ApplicationProgress = Static<typeof ApplicationProgressSchema>
export type Application = Static<typeof ApplicationSchema>
export type ApplicationSummary = Static<typeof ApplicationSummarySchema>
export type StaffApplication = Static<typeof StaffApplicationSchema>
export type ApplicationSubmitBody = Static<typeof ApplicationSubmitBodySchema>
export type ApplicantInput = Static<typeof ApplicantInputSchema>
export type StaffEventBody = Static<typeof StaffEventBodySchema>
export type Delivery = Static<typeof DeliverySchema>
export type Upload = Static<typeof UploadSchema>
export type EvaluationBody = Static<typeof EvaluationBodySchema>
export type Evaluation = Static<typeof EvaluationSchema>
export type EvaluationCreated = Static<typeof EvaluationCreatedSchema>
export type ApplicationMaterial = Static<typeof ApplicationMaterialSchema>

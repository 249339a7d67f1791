import { Type, type Static } from '@sinclair/typebox'
import { ID_NUMBER_PATTERN, MOBILE_PATTERN } from '../identity'
import { PAGE_LIMIT_MAX } from '../limits'
import { ROLES } from '../roles'

export const RoleSchema = Type.Union(ROLES.map((role) => Type.Literal(role)))

const Mobile = Type.String({ pattern: MOBILE_PATTERN, description: 'Mainland mobile number, 11 digits' })
const SmsCode = Type.String({ pattern: '^[0-9]{6}$', description: 'The 6-digit code from the text message' })
const Username = Type.String({ minLength: 1, maxLength: 64 })

export const WechatSignInBodySchema = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 128, description: 'From Taro.login / wx.login; valid 5 minutes, once' }),
})

export const SmsSendBodySchema = Type.Object({ phone: Mobile })
export const SmsSentSchema = Type.Object({
  resendAfterS: Type.Integer({ minimum: 0, description: 'Seconds until another code may be requested' }),
  expiresInS: Type.Integer({ minimum: 0 }),
})
export const SmsVerifyBodySchema = Type.Object({ phone: Mobile, code: SmsCode })

export const StaffSignInBodySchema = Type.Object({
  username: Username,
  password: Type.String({ minLength: 1, maxLength: 256 }),
})

export const RefreshBodySchema = Type.Object({ refreshToken: Type.String({ minLength: 1, maxLength: 256 }) })
/** Exactly one of phone (a citizen, created if new) or username (an existing staff account). */
export const DevSignInBodySchema = Type.Object({ phone: Type.Optional(Mobile), username: Type.Optional(Username) })

export const UserSchema = Type.Object(
  {
    id: Type.String(),
    role: RoleSchema,
    name: Type.Union([Type.String(), Type.Null()]),
    phoneMasked: Type.Union([Type.String(), Type.Null()], { description: 'e.g. 138****5678' }),
    username: Type.Union([Type.String(), Type.Null()], { description: 'Staff only' }),
    gridId: Type.Union([Type.String(), Type.Null()], { description: 'Grid workers: the community grid they serve' }),
    gridName: Type.Union([Type.String(), Type.Null()], { description: 'e.g. 白石龙社区第一网格' }),
    hallId: Type.Union([Type.String(), Type.Null()], { description: 'Window staff: their hall' }),
    hallName: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'User' },
)

export const SessionSchema = Type.Object({
  accessToken: Type.String(),
  refreshToken: Type.String(),
  expiresIn: Type.Integer({ description: 'Seconds the access token stays valid' }),
  user: UserSchema,
})

/** What a signed-in person sees about themselves: their own data in full (they are its owner). */
export const ProfileSchema = Type.Object({
  user: UserSchema,
  phone: Type.Union([Type.String(), Type.Null()]),
  idNumber: Type.Union([Type.String(), Type.Null()]),
  idNumberMasked: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ description: 'ISO 8601 time, UTC' }),
})

export const ProfileUpdateSchema = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  idNumber: Type.Optional(Type.String({ pattern: ID_NUMBER_PATTERN })),
  address: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  sensitiveConsent: Type.Optional(
    Type.Boolean({ description: 'Separate consent to process the ID number (PIPL Art. 29); required with idNumber' }),
  ),
})

export const DeviceSessionSchema = Type.Object({
  id: Type.String(),
  client: Type.String({ description: 'weapp | h5 | staff' }),
  createdAt: Type.String({ description: 'ISO 8601 time, UTC' }),
  lastUsedAt: Type.String({ description: 'ISO 8601 time, UTC' }),
  current: Type.Boolean(),
})

/** `/…/:id` for records with generated ids (sessions, users). */
export const RecordIdParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

/** A citizen's record as authorized staff see it (every such read is audited). */
export const CitizenRecordSchema = Type.Object({
  id: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  idNumber: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ description: 'ISO 8601 time, UTC' }),
})

export const CitizenLookupQuerySchema = Type.Object({
  phone: Type.Optional(Mobile),
  idNumber: Type.Optional(Type.String({ pattern: ID_NUMBER_PATTERN })),
})

export const AuditEntrySchema = Type.Object({
  id: Type.String(),
  at: Type.String({ description: 'ISO 8601 time, UTC' }),
  actorId: Type.String(),
  actorRole: RoleSchema,
  actorName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String({ description: 'e.g. citizen.read, citizen.search' }),
  subjectId: Type.Union([Type.String(), Type.Null()], { description: 'The citizen whose data was read or changed' }),
  ip: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Union([Type.String(), Type.Null()]),
})

export const AuditQuerySchema = Type.Object({
  actor: Type.Optional(Type.String({ maxLength: 64 })),
  subject: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Integer({ minimum: 1, maximum: PAGE_LIMIT_MAX, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
})

export const AuditPageSchema = Type.Object({ total: Type.Integer(), entries: Type.Array(AuditEntrySchema) })

export type User = Static<typeof UserSchema>
export type Session = Static<typeof SessionSchema>
export type SmsSent = Static<typeof SmsSentSchema>
export type Profile = Static<typeof ProfileSchema>
export type ProfileUpdate = Static<typeof ProfileUpdateSchema>
export type DeviceSession = Static<typeof DeviceSessionSchema>
export type CitizenRecord = Static<typeof CitizenRecordSchema>
export type AuditEntry = Static<typeof AuditEntrySchema>
export type AuditPage = Static<typeof AuditPageSchema>
export type AuditQuery = Static<typeof AuditQuerySchema>

import { Type, type Static } from '@sinclair/typebox'

const CheckStatus = Type.Union([Type.Literal('ok'), Type.Literal('down'), Type.Literal('not_configured')])

export const HealthSchema = Type.Object({ status: Type.Literal('ok') }, { $id: 'Health' })

export const ReadinessSchema = Type.Object(
  {
    status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
    checks: Type.Object({ database: CheckStatus, redis: CheckStatus }),
  },
  { $id: 'Readiness' },
)

export type Readiness = Static<typeof ReadinessSchema>

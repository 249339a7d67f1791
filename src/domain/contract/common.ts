import { Type, type Static } from '@sinclair/typebox'

export const FieldIssueSchema = Type.Object({
  field: Type.String({ description: 'Where the bad value was, e.g. "query.limit"' }),
  issue: Type.String({ description: 'What is wrong with it' }),
})

export const ErrorBodySchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable UPPER_SNAKE identifier', pattern: '^[A-Z][A-Z0-9_]*$' }),
      message: Type.String({ description: 'A sentence a citizen understands (zh-CN, or English with Accept-Language: en)' }),
      details: Type.Optional(
        Type.Object({ fields: Type.Optional(Type.Array(FieldIssueSchema)) }, { additionalProperties: true }),
      ),
    }),
  },
  { $id: 'ErrorBody' },
)

export type FieldIssue = Static<typeof FieldIssueSchema>
export type ErrorBody = Static<typeof ErrorBodySchema>

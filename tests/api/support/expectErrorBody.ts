import type { LightMyRequestResponse } from 'fastify'
import { Value } from '@sinclair/typebox/value'
import { ErrorBodySchema } from '@/domain/contract'

/** The answer is the contract's JSON error with this status and code; returns the body for further checks. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read into details freely after the check
export function expectErrorBody(res: LightMyRequestResponse, status: number, code: string): any {
  expect(res.statusCode).toBe(status)
  expect(res.headers['content-type']).toMatch(/^application\/json/)
  const body = res.json()
  expect(Value.Check(ErrorBodySchema, body)).toBe(true)
  expect(body.error.code).toBe(code)
  return body
}

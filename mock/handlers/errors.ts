import { HttpResponse } from 'msw'
import { errorMessage, type ErrorCode } from '../../src/domain/errors'
import type { ErrorBody, FieldIssue } from '../../src/domain/contract'

export function errorResponse(status: number, code: ErrorCode, fields?: FieldIssue[]) {
  const body: ErrorBody = { error: { code, message: errorMessage(code), ...(fields ? { details: { fields } } : {}) } }
  return HttpResponse.json(body, { status })
}

/** An error whose details carry more than field issues (e.g. BOOKING_SUSPENDED's `until`). */
export function errorResponseWithDetails(status: number, code: ErrorCode, details: Record<string, unknown>) {
  const body: ErrorBody = { error: { code, message: errorMessage(code), details } }
  return HttpResponse.json(body, { status })
}

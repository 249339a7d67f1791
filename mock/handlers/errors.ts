import { HttpResponse } from 'msw'
import { errorMessage, type ErrorCode } from '../../src/domain/errors'
import type { ErrorBody, FieldIssue } from '../../src/domain/contract'

export function errorResponse(status: number, code: ErrorCode, fields?: FieldIssue[]) {
  const body: ErrorBody = { error: { code, message: errorMessage(code), ...(fields ? { details: { fields } } : {}) } }
  return HttpResponse.json(body, { status })
}

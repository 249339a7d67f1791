import type { FastifyRequest } from 'fastify'
import { errorMessage, type ErrorCode, type Lang } from '../src/domain/errors'
import type { FieldIssue } from '../src/domain/contract'

/** The one error type handlers throw; the error hook turns it into the contract's JSON. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly details?: { fields?: FieldIssue[]; [key: string]: unknown },
    readonly headers?: Record<string, string>,
  ) {
    super(code)
    this.name = 'AppError'
  }
}

export const notFound = (code: ErrorCode) => new AppError(404, code)

export function validationFailed(fields: FieldIssue[]): AppError {
  return new AppError(400, 'VALIDATION_FAILED', { fields })
}

export function requestLang(request: FastifyRequest): Lang {
  const header = request.headers['accept-language']
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('en') ? 'en' : 'zh'
}

export function errorBody(code: ErrorCode, lang: Lang, details?: AppError['details']) {
  return { error: { code, message: errorMessage(code, lang), ...(details ? { details } : {}) } }
}

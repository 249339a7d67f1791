import { currentLanguage } from '@/i18n'
import { AxiosError, isCancel } from 'axios'
import { errorMessage, isErrorCode, isRetryable, type ErrorCode } from '@/domain/errors'
import type { ErrorBody, FieldIssue } from '@/domain/contract'

/** Every failed call reaches pages as this: a code to branch on and a sentence to show. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | string,
    message: string,
    readonly status: number | null,
    readonly fields: FieldIssue[] = [],
    /** For "too many" answers (429): seconds until trying again makes sense. */
    readonly retryAfterS: number | null = null,
    /** What else the server said about it, e.g. the ticket a TICKET_EXISTS refers to, BOOKING_SUSPENDED's `until`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }

  get retryable(): boolean {
    return isErrorCode(this.code) ? isRetryable(this.code) : (this.status ?? 500) >= 500
  }
}

export class RequestCanceled extends Error {
  constructor() {
    super('canceled')
    this.name = 'RequestCanceled'
  }
}

function isErrorBody(data: unknown): data is ErrorBody {
  const error = (data as ErrorBody | null)?.error
  return !!error && typeof error.code === 'string' && typeof error.message === 'string'
}

function fallbackCode(status: number): ErrorCode {
  if (status === 404) return 'ROUTE_NOT_FOUND'
  if (status === 429) return 'RATE_LIMITED'
  if (status === 503 || status === 502 || status === 504) return 'SERVICE_UNAVAILABLE'
  if (status >= 500) return 'INTERNAL_ERROR'
  return 'VALIDATION_FAILED'
}

export function toApiError(error: unknown): ApiError | RequestCanceled {
  if (error instanceof ApiError || error instanceof RequestCanceled) return error
  if (isCancel(error)) return new RequestCanceled()
  if (error instanceof AxiosError) {
    const response = error.response
    if (response) {
      if (isErrorBody(response.data)) {
        const { code, message, details } = response.data.error
        const retryAfter = (details as { retryAfterS?: unknown } | undefined)?.retryAfterS
        return new ApiError(code, message, response.status, details?.fields ?? [], typeof retryAfter === 'number' ? retryAfter : null, details ?? {})
      }
      const code = fallbackCode(response.status)
      return new ApiError(code, errorMessage(code, currentLanguage()), response.status)
    }
    const code: ErrorCode = error.code === AxiosError.ECONNABORTED || error.code === AxiosError.ETIMEDOUT ? 'TIMEOUT' : 'NETWORK_ERROR'
    return new ApiError(code, errorMessage(code, currentLanguage()), null)
  }
  return new ApiError('INTERNAL_ERROR', errorMessage('INTERNAL_ERROR', currentLanguage()), null)
}

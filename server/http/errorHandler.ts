import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ErrorCode } from '../../src/domain/errors'
import type { FieldIssue } from '../../src/domain/contract'
import { AppError, errorBody, requestLang } from '../errors'

type ValidationEntry = NonNullable<FastifyError['validation']>[number]

const CONTEXT_NAMES: Record<string, string> = { querystring: 'query', params: 'path', body: 'body', headers: 'header' }

function fieldIssue(context: string | undefined, entry: ValidationEntry): FieldIssue {
  const params = entry.params as Record<string, unknown>
  const path = entry.instancePath.replace(/^\//, '').replace(/\//g, '.')
  const leaf = typeof params.missingProperty === 'string' ? params.missingProperty
    : typeof params.additionalProperty === 'string' ? params.additionalProperty : ''
  const name = [path, leaf].filter(Boolean).join('.') || '(root)'
  return { field: `${CONTEXT_NAMES[context ?? ''] ?? context ?? 'request'}.${name}`, issue: entry.message ?? 'is not valid' }
}

/** Fastify's own client errors, by its error codes, in the contract's words. */
const FRAMEWORK_ERRORS: Record<string, { status: number; code: ErrorCode }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'MALFORMED_JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'MALFORMED_JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'MALFORMED_JSON' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_INVALID_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  FST_ERR_BAD_URL: { status: 400, code: 'VALIDATION_FAILED' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 400, code: 'VALIDATION_FAILED' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'VALIDATION_FAILED' },
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'AUTH_REQUIRED'
  if (status === 403) return 'FORBIDDEN'
  if (status === 404) return 'ROUTE_NOT_FOUND'
  if (status === 405) return 'METHOD_NOT_ALLOWED'
  if (status === 413) return 'PAYLOAD_TOO_LARGE'
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE'
  if (status === 429) return 'RATE_LIMITED'
  if (status === 503) return 'SERVICE_UNAVAILABLE'
  return 'VALIDATION_FAILED'
}

// A database that cannot be reached (or is shutting down, or busy) is a dependency outage, not our bug: the contract
// answers 503 with Retry-After, as /readyz does.
const DEPENDENCY_DOWN_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE',
  '57P01', '57P02', '57P03', '53300', // PostgreSQL: shutting down, cannot connect now, too many connections
  'SQLITE_BUSY',
])
const DEPENDENCY_DOWN_MESSAGE =
  /timeout exceeded when trying to connect|Connection terminated|database connection is not open|driver has already been destroyed/i

function dependencyDown(error: { code?: unknown; message?: unknown }): boolean {
  const code = typeof error.code === 'string' ? error.code : ''
  // SQLSTATE class 08: PostgreSQL connection exceptions.
  if (DEPENDENCY_DOWN_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true
  return typeof error.message === 'string' && DEPENDENCY_DOWN_MESSAGE.test(error.message)
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  details?: AppError['details'],
) {
  return reply.code(status).type('application/json; charset=utf-8').send(errorBody(code, requestLang(request), details))
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers)
      return sendError(request, reply, error.status, error.code, error.details)
    }
    if (error.validation) {
      const fields = error.validation.map((entry) => fieldIssue(error.validationContext, entry))
      return sendError(request, reply, 400, 'VALIDATION_FAILED', { fields })
    }
    const known = error.code ? FRAMEWORK_ERRORS[error.code] : undefined
    if (known) return sendError(request, reply, known.status, known.code)
    const status = error.statusCode ?? 500
    if (status >= 400 && status < 500) return sendError(request, reply, status, codeForStatus(status))
    if (status === 503 || dependencyDown(error)) {
      request.log.warn({ err: error }, 'dependency unavailable')
      return sendError(request, reply.header('Retry-After', '5'), 503, 'SERVICE_UNAVAILABLE')
    }
    // Anything else is our fault: log it with the request, tell the client nothing internal.
    request.log.error({ err: error }, 'unhandled error')
    return sendError(request, reply, 500, 'INTERNAL_ERROR')
  })
}

/**
 * Errors Fastify raises while routing, before any hook or the error handler runs (a path that is not valid
 * percent-encoding, a path parameter over the router's length limit). Passed as Fastify's `frameworkErrors`.
 */
export function sendFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const known = FRAMEWORK_ERRORS[error.code]
  if (!known) {
    request.log.error({ err: error }, 'unhandled framework error')
    return sendError(request, reply, 500, 'INTERNAL_ERROR')
  }
  const details = known.code === 'VALIDATION_FAILED' ? { fields: [{ field: 'path', issue: 'is not a valid address' }] } : undefined
  return sendError(request, reply, known.status, known.code, details)
}

import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Role } from '../../src/domain/roles'
import { AppError } from '../errors'
import { AccessTokenError, verifyAccessToken } from '../security/accessTokens'
import { findActiveSession, touchSession } from '../modules/auth/repo'

/** Who may call a route: anyone, anyone signed in, or only these roles. Every API route must say. */
export type Access = 'public' | 'signedIn' | readonly Role[]

/** The signed-in caller, as the session table says now (not as an old token remembers). */
export interface Principal {
  userId: string
  role: Role
  sessionId: string
  name: string | null
  gridId: string | null
  hallId: string | null
}

export interface RouteAccess {
  method: string
  url: string
  access: Access
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    principal: Principal | null
  }
  interface FastifyInstance {
    /** Every API route with its declared access: what the authorization matrix test walks. */
    routeAccess: RouteAccess[]
  }
}

const TOUCH_EVERY_MS = 10 * 60 * 1000

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization
  if (!header) return null
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  if (!match) throw new AppError(401, 'TOKEN_INVALID')
  return match[1]
}

async function authenticate(app: FastifyInstance, request: FastifyRequest): Promise<Principal> {
  const token = bearerToken(request)
  if (!token) throw new AppError(401, 'AUTH_REQUIRED')
  const now = app.clock.now()
  let claims
  try {
    claims = verifyAccessToken(app.auth.keys.tokens, token, now)
  } catch (error) {
    if (error instanceof AccessTokenError) throw new AppError(401, error.reason === 'expired' ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID')
    throw error
  }
  // Signed out, revoked after refresh-token reuse, or the account was disabled: the token stops working at once.
  const session = await findActiveSession(app.db, claims.sid)
  if (!session || session.user_id !== claims.sub) throw new AppError(401, 'TOKEN_INVALID')
  if (now.getTime() - Date.parse(session.last_used_at) > TOUCH_EVERY_MS) {
    await touchSession(app.db, session.id, now)
  }
  return {
    userId: session.user_id,
    role: session.role as Role,
    sessionId: session.id,
    name: session.name,
    gridId: session.grid_id,
    hallId: session.hall_id,
  }
}

/**
 * Access control for every API route: a route under `prefix` that does not declare `config.access` is a start-up
 * error, so no route can be added without deciding who may call it.
 */
export function registerAccessControl(app: FastifyInstance, prefix: string): void {
  app.decorateRequest('principal', null)
  app.decorate('routeAccess', [] as RouteAccess[])

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(prefix)) return
    const access = route.config?.access
    if (!access) throw new Error(`${String(route.method)} ${route.url} does not declare config.access`)
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeAccess.push({ method, url: route.url, access })
    }
    if (access === 'public') return
    // Documented in OpenAPI as needing a bearer token.
    if (route.schema) route.schema = { ...route.schema, security: [{ bearerAuth: [] }] } as typeof route.schema
    const guard = async (request: FastifyRequest) => {
      const principal = await authenticate(app, request)
      if (access !== 'signedIn' && !access.includes(principal.role)) throw new AppError(403, 'FORBIDDEN')
      request.principal = principal
    }
    // onRequest: before the body is read or validated, so an anonymous caller learns nothing but "sign in".
    const existing = route.onRequest ? [route.onRequest].flat() : []
    route.onRequest = [guard, ...existing]
  })
}

/** The caller of a guarded route (the guard has already rejected anonymous requests). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError(401, 'AUTH_REQUIRED')
  return request.principal
}

import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { WebSocket } from 'ws'
import type { LiveClientFrame } from '../../src/domain/contract'
import type { Lang } from '../../src/domain/errors'
import { AppError, requestLang } from '../errors'
import { AccessTokenError, verifyAccessToken } from '../security/accessTokens'
import { findActiveSession } from '../modules/auth/repo'
import { MAX_FRAMES_PER_WINDOW, type LiveHub, type LiveClient } from './hub'

/** Frames are a few dozen bytes; anything large is not ours. */
export const MAX_FRAME_BYTES = 4096

/** The person behind `?token=`, or null; a token that does not verify is reported, not fatal (halls are public). */
async function socketUser(app: FastifyInstance, request: FastifyRequest): Promise<{ userId: string | null; tokenInvalid: boolean }> {
  const token = (request.query as { token?: unknown }).token
  if (typeof token !== 'string' || token === '') return { userId: null, tokenInvalid: false }
  try {
    const claims = verifyAccessToken(app.auth.keys.tokens, token, app.clock.now())
    const session = await findActiveSession(app.db, claims.sid)
    if (!session || session.user_id !== claims.sub) return { userId: null, tokenInvalid: true }
    return { userId: session.user_id, tokenInvalid: false }
  } catch (error) {
    if (error instanceof AccessTokenError) return { userId: null, tokenInvalid: true }
    throw error
  }
}

/** Browsers cannot set headers on a WebSocket: `?lang=en` may say what Accept-Language would. */
function socketLang(request: FastifyRequest): Lang {
  const lang = (request.query as { lang?: unknown }).lang
  return lang === 'en' || lang === 'zh' ? lang : requestLang(request)
}

function parseFrame(data: Buffer): LiveClientFrame | null {
  let frame: unknown
  try {
    frame = JSON.parse(data.toString('utf8'))
  } catch {
    return null
  }
  if (typeof frame !== 'object' || frame === null) return null
  const { type, hall, ticket } = frame as Record<string, unknown>
  if (type === 'pong') return { type }
  if (type !== 'subscribe' && type !== 'unsubscribe') return null
  const valid = (id: unknown): id is string => typeof id === 'string' && id.length > 0 && id.length <= 64
  if (valid(hall) && ticket === undefined) return { type, hall } as LiveClientFrame
  if (valid(ticket) && hall === undefined) return { type, ticket } as LiveClientFrame
  return null
}

/**
 * WS /api/v1/live (API.md): subscribe to halls and (with the owner's ?token=) tickets; every change is pushed as a
 * whole snapshot with its version, so a client that missed frames is whole again with the next one.
 */
export const liveRoutes = (hub: LiveHub): FastifyPluginAsync => async (app) => {
  const handleSocket = (socket: WebSocket, request: FastifyRequest) => {
    const client: LiveClient = {
      socket,
      lang: socketLang(request),
      userId: null,
      halls: new Set(),
      tickets: new Map(),
      lastSeen: performance.now(),
      frames: { count: 0, since: performance.now() },
    }
    hub.add(client)
    // Frames that arrive while the token is checked wait for it, in order.
    const user = socketUser(app, request).then((found) => {
      client.userId = found.userId
      if (found.tokenInvalid) hub.sendError(client, 'TOKEN_INVALID')
    })
    let queue: Promise<void> = user
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      client.lastSeen = performance.now()
      if (!hub.admitFrame(client)) {
        // Answered once per window, so the answers themselves cannot flood the socket.
        if (client.frames.count === MAX_FRAMES_PER_WINDOW + 1) hub.sendError(client, 'RATE_LIMITED')
        return
      }
      queue = queue
        .then(async () => {
          const frame = isBinary ? null : parseFrame(data)
          if (!frame) return hub.sendError(client, 'VALIDATION_FAILED')
          if (frame.type === 'pong') return
          if (frame.type === 'subscribe') {
            return 'hall' in frame ? hub.subscribeHall(client, frame.hall) : hub.subscribeTicket(client, frame.ticket)
          }
          return 'hall' in frame ? hub.unsubscribeHall(client, frame.hall) : hub.unsubscribeTicket(client, frame.ticket)
        })
        .catch((error) => {
          app.log.error({ err: error }, 'live frame failed')
          hub.sendError(client, 'INTERNAL_ERROR')
        })
    })
    socket.on('close', () => hub.remove(client))
    socket.on('error', () => hub.remove(client))
  }

  app.route({
    method: 'GET',
    url: '/live',
    config: { access: 'public' },
    schema: {
      tags: ['queue'],
      summary: 'WebSocket: live queue snapshots and ticket updates (plain HTTP answers 426)',
      querystring: {
        type: 'object',
        properties: { token: { type: 'string', maxLength: 2048 }, lang: { type: 'string', enum: ['zh', 'en'] } },
      },
    },
    handler: async () => {
      throw new AppError(426, 'WEBSOCKET_REQUIRED', undefined, { Upgrade: 'websocket', Connection: 'Upgrade' })
    },
    wsHandler: handleSocket,
  })
}

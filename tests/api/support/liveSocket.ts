import type { FastifyInstance } from 'fastify'
import type { WebSocket } from 'ws'
import type { LiveServerFrame } from '@/domain/contract'

/** A test's end of a live socket: every frame the server sent, and a way to wait for the one a test expects. */
export interface LiveTestSocket {
  ws: WebSocket
  frames: LiveServerFrame[]
  /** The first matching frame not returned before (already received or still to come); fails after `timeoutMs`. */
  next(matches: (frame: LiveServerFrame) => boolean, timeoutMs?: number): Promise<LiveServerFrame>
  send(frame: unknown): void
  close(): void
}

type InjectWS = (path: string, context: object, options: { onInit(ws: WebSocket): void }) => Promise<WebSocket>

export async function openLiveSocket(app: FastifyInstance, query = ''): Promise<LiveTestSocket> {
  const frames: LiveServerFrame[] = []
  const returned = new Set<LiveServerFrame>()
  const waiters: Array<{ matches: (frame: LiveServerFrame) => boolean; resolve: (frame: LiveServerFrame) => void }> = []
  const onMessage = (data: Buffer) => {
    const frame = JSON.parse(data.toString()) as LiveServerFrame
    frames.push(frame)
    const waiter = waiters.find((w) => w.matches(frame))
    if (waiter) {
      waiters.splice(waiters.indexOf(waiter), 1)
      returned.add(frame)
      waiter.resolve(frame)
    }
  }
  // The listener goes on before the socket opens: the server may speak first (a bad token is reported at once).
  const injectWS = (app as unknown as { injectWS: InjectWS }).injectWS.bind(app)
  const ws = await injectWS(`/api/v1/live${query}`, {}, { onInit: (socket) => socket.on('message', onMessage) })
  return {
    ws,
    frames,
    next(matches, timeoutMs = 3000) {
      const earlier = frames.find((frame) => !returned.has(frame) && matches(frame))
      if (earlier) {
        returned.add(earlier)
        return Promise.resolve(earlier)
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(frames)}`)), timeoutMs)
        waiters.push({
          matches,
          resolve: (frame) => {
            clearTimeout(timer)
            resolve(frame)
          },
        })
      })
    },
    send: (frame) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    close: () => ws.terminate(),
  }
}

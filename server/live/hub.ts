import type { FastifyBaseLogger } from 'fastify'
import type { WebSocket } from 'ws'
import type { LiveServerFrame } from '../../src/domain/contract'
import { errorMessage, type ErrorCode, type Lang } from '../../src/domain/errors'
import type { LiveBus, QueueChange } from './bus'
import type { QueueStateCache } from '../modules/queue/state'
import { snapshotOf, ticketView } from '../modules/queue/view'
import * as repo from '../modules/queue/repo'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

/** One open socket: who it is (when it came with a token) and what it listens to. */
export interface LiveClient {
  socket: WebSocket
  lang: Lang
  userId: string | null
  halls: Set<string>
  /** ticket id → its hall */
  tickets: Map<string, string>
  lastSeen: number
  /** Frames received in the current rate window, and when that window started (monotonic ms). */
  frames: { count: number; since: number }
}

/** A socket may listen to a few halls and tickets at once (a hall page, my ticket, the halls list): not thousands. */
export const MAX_SUBSCRIPTIONS = 20
/** A client that lets this much pile up unsent is too slow to follow the queue; it reconnects and resyncs. */
const MAX_BUFFERED_BYTES = 1024 * 1024
export const PING_EVERY_MS = 25_000
/** A page subscribes a handful of times per visit; a socket sending more than this per window is misbehaving. */
export const MAX_FRAMES_PER_WINDOW = 30
const FRAME_WINDOW_MS = 10_000
const TEXT_FRAME = { binary: false, compress: false, fin: true } as const

interface HubDeps {
  db: Kysely<Database>
  states: QueueStateCache
  bus: LiveBus
  log: FastifyBaseLogger
  /** Monotonic milliseconds, for keep-alive only. */
  monotonicNow?: () => number
}

/**
 * Fans queue changes out to this node's sockets. Each change is turned into frames once per hall — one queue
 * frame serialized once for all its subscribers, one ticket frame per subscribed ticket — however many sockets
 * listen. Changes arriving while a hall is being pushed are folded into one more push, so a burst of calls
 * costs a couple of pushes, each with the latest state.
 */
export class LiveHub {
  private readonly hallClients = new Map<string, Set<LiveClient>>()
  private readonly ticketClients = new Map<string, Map<string, Set<LiveClient>>>()
  private readonly clients = new Set<LiveClient>()
  private readonly pushing = new Map<string, { again: Set<string> | null }>()
  private readonly unsubscribeBus: () => void
  private readonly pinger: NodeJS.Timeout
  private readonly now: () => number
  /** How long each push took on this node (ms, most recent last; kept short): the server's share of fan-out latency. */
  readonly pushDurations: number[] = []

  constructor(private readonly deps: HubDeps) {
    this.now = deps.monotonicNow ?? (() => performance.now())
    this.unsubscribeBus = deps.bus.subscribe((change) => this.onChange(change))
    this.pinger = setInterval(() => this.keepAlive(), PING_EVERY_MS)
    this.pinger.unref()
  }

  get size(): number {
    return this.clients.size
  }

  add(client: LiveClient): void {
    this.clients.add(client)
  }

  remove(client: LiveClient): void {
    this.clients.delete(client)
    for (const hallId of client.halls) this.hallClients.get(hallId)?.delete(client)
    for (const [ticketId, hallId] of client.tickets) this.ticketClients.get(hallId)?.get(ticketId)?.delete(client)
  }

  close(): void {
    clearInterval(this.pinger)
    this.unsubscribeBus()
    for (const client of this.clients) client.socket.terminate()
    this.clients.clear()
  }

  send(client: LiveClient, frame: LiveServerFrame | string | Buffer): void {
    if (client.socket.readyState !== client.socket.OPEN) return
    if (client.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      client.socket.terminate()
      return
    }
    // Options spelled out: ws then skips working them out per message (this runs once per subscriber per change).
    client.socket.send(typeof frame === 'object' && !Buffer.isBuffer(frame) ? JSON.stringify(frame) : frame, TEXT_FRAME)
  }

  /** Counts a frame from the client; false when it is over its rate and the frame must be ignored. */
  admitFrame(client: LiveClient, now: number = this.now()): boolean {
    if (now - client.frames.since > FRAME_WINDOW_MS) client.frames = { count: 0, since: now }
    client.frames.count += 1
    return client.frames.count <= MAX_FRAMES_PER_WINDOW
  }

  sendError(client: LiveClient, code: ErrorCode): void {
    this.send(client, { type: 'error', code, message: errorMessage(code, client.lang) })
  }

  private subscriptionCount(client: LiveClient): number {
    return client.halls.size + client.tickets.size
  }

  async subscribeHall(client: LiveClient, hallId: string): Promise<void> {
    if (!client.halls.has(hallId) && this.subscriptionCount(client) >= MAX_SUBSCRIPTIONS) return this.sendError(client, 'VALIDATION_FAILED')
    const entry = await this.deps.states.get(hallId)
    if (!entry) return this.sendError(client, 'HALL_NOT_FOUND')
    if (!this.clients.has(client)) return
    client.halls.add(hallId)
    let set = this.hallClients.get(hallId)
    if (!set) this.hallClients.set(hallId, (set = new Set()))
    set.add(client)
    this.send(client, queueFrame(snapshotOf(entry).json))
  }

  async subscribeTicket(client: LiveClient, ticketId: string): Promise<void> {
    if (!client.tickets.has(ticketId) && this.subscriptionCount(client) >= MAX_SUBSCRIPTIONS) return this.sendError(client, 'VALIDATION_FAILED')
    // Only the holder hears about a ticket; to anyone else it does not exist.
    const row = client.userId ? await repo.findTicket(this.deps.db, ticketId) : undefined
    if (!row || row.user_id !== client.userId) return this.sendError(client, 'TICKET_NOT_FOUND')
    const entry = await this.deps.states.get(row.hall_id)
    if (!entry || !this.clients.has(client)) return
    client.tickets.set(ticketId, row.hall_id)
    let byTicket = this.ticketClients.get(row.hall_id)
    if (!byTicket) this.ticketClients.set(row.hall_id, (byTicket = new Map()))
    let set = byTicket.get(ticketId)
    if (!set) byTicket.set(ticketId, (set = new Set()))
    set.add(client)
    const current = entry.state.active.find((t) => t.id === ticketId) ?? row
    this.send(client, { type: 'ticket', ...ticketView(entry.state, current) })
  }

  unsubscribeHall(client: LiveClient, hallId: string): void {
    client.halls.delete(hallId)
    this.hallClients.get(hallId)?.delete(client)
  }

  unsubscribeTicket(client: LiveClient, ticketId: string): void {
    const hallId = client.tickets.get(ticketId)
    client.tickets.delete(ticketId)
    if (hallId) this.ticketClients.get(hallId)?.get(ticketId)?.delete(client)
  }

  private onChange(change: QueueChange): void {
    const hasListeners = (this.hallClients.get(change.hallId)?.size ?? 0) > 0 || (this.ticketClients.get(change.hallId)?.size ?? 0) > 0
    if (!hasListeners) return
    const running = this.pushing.get(change.hallId)
    if (running) {
      running.again = new Set([...(running.again ?? []), ...change.ticketIds])
      return
    }
    void this.push(change.hallId, new Set(change.ticketIds))
  }

  private async push(hallId: string, changedTickets: Set<string>): Promise<void> {
    const run: { again: Set<string> | null } = { again: null }
    this.pushing.set(hallId, run)
    const started = this.now()
    try {
      const entry = await this.deps.states.get(hallId)
      if (!entry) return
      const hallFrame = Buffer.from(queueFrame(snapshotOf(entry).json))
      for (const client of this.hallClients.get(hallId) ?? []) this.send(client, hallFrame)
      for (const [ticketId, clients] of this.ticketClients.get(hallId) ?? []) {
        if (clients.size === 0) continue
        // Active tickets move whenever anyone ahead moves; finished ones only change when they are named.
        let row = entry.state.active.find((t) => t.id === ticketId)
        if (!row && changedTickets.has(ticketId)) row = await repo.findTicket(this.deps.db, ticketId)
        if (!row) continue
        const frame = Buffer.from(JSON.stringify({ type: 'ticket', ...ticketView(entry.state, row) }))
        for (const client of clients) this.send(client, frame)
      }
    } catch (error) {
      this.deps.log.error({ err: error, hallId }, 'live push failed')
    } finally {
      this.pushDurations.push(this.now() - started)
      if (this.pushDurations.length > 100) this.pushDurations.shift()
      this.pushing.delete(hallId)
      if (run.again) void this.push(hallId, run.again)
    }
  }

  /** Runs every PING_EVERY_MS; `now` (monotonic ms) is a parameter so tests need not wait. */
  keepAlive(now: number = this.now()): void {
    for (const client of this.clients) {
      // Two pings without any answer: the connection is gone (a phone that lost its network never says goodbye).
      if (now - client.lastSeen > PING_EVERY_MS * 2.5) client.socket.terminate()
      else this.send(client, { type: 'ping' })
    }
  }
}

/** `{"type":"queue", ...snapshot}` from the snapshot's JSON, without parsing and serializing it again. */
export function queueFrame(snapshotJson: string): string {
  return `{"type":"queue",${snapshotJson.slice(1)}`
}

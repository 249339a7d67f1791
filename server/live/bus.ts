import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { FastifyBaseLogger } from 'fastify'

/** Something changed in a hall's queue: its new version and the tickets concerned. */
export interface QueueChange {
  hallId: string
  version: number
  ticketIds: string[]
}

export type QueueChangeListener = (change: QueueChange) => void

/** Carries queue changes to every API node's sockets and caches. */
export interface LiveBus {
  publish(change: QueueChange): void
  subscribe(listener: QueueChangeListener): () => void
  close(): Promise<void>
}

class Listeners {
  private readonly listeners = new Set<QueueChangeListener>()

  add(listener: QueueChangeListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  deliver(change: QueueChange, log?: FastifyBaseLogger): void {
    for (const listener of this.listeners) {
      try {
        listener(change)
      } catch (error) {
        log?.error({ err: error }, 'live listener failed')
      }
    }
  }
}

/** One node: changes go straight to this process's listeners. */
export class LocalBus implements LiveBus {
  private readonly listeners = new Listeners()

  constructor(private readonly log?: FastifyBaseLogger) {}

  publish(change: QueueChange): void {
    this.listeners.deliver(change, this.log)
  }

  subscribe(listener: QueueChangeListener): () => void {
    return this.listeners.add(listener)
  }

  async close(): Promise<void> {}
}

export const QUEUE_CHANNEL = 'banshi:queue'

/**
 * Several nodes: a change is delivered here at once and published on Redis for the others (each message names its
 * node, so a node skips its own). Local delivery does not wait for Redis, so a Redis outage costs other nodes
 * their live pushes (their snapshots still expire and polling clients still see changes) but never this node's.
 */
export class RedisBus implements LiveBus {
  private readonly node = randomUUID()
  private readonly listeners = new Listeners()
  private readonly subscriber: Redis
  readonly ready: Promise<void>

  constructor(
    private readonly publisher: Redis,
    private readonly log?: FastifyBaseLogger,
  ) {
    // A connection in subscriber mode can do nothing else: it needs one of its own.
    this.subscriber = publisher.duplicate({ enableOfflineQueue: true })
    this.subscriber.on('error', (error) => log?.warn({ err: error }, 'redis subscriber problem'))
    this.subscriber.on('message', (_channel: string, message: string) => this.receive(message))
    this.ready = this.subscriber.subscribe(QUEUE_CHANNEL).then(() => undefined)
    this.ready.catch((error) => log?.error({ err: error }, 'redis subscribe failed'))
  }

  private receive(message: string): void {
    let parsed: { node?: string; change?: QueueChange }
    try {
      parsed = JSON.parse(message)
    } catch {
      return
    }
    if (!parsed.change || parsed.node === this.node) return
    this.listeners.deliver(parsed.change, this.log)
  }

  publish(change: QueueChange): void {
    this.listeners.deliver(change, this.log)
    this.publisher.publish(QUEUE_CHANNEL, JSON.stringify({ node: this.node, change })).catch((error) => {
      this.log?.warn({ err: error, hallId: change.hallId }, 'queue change not published to other nodes')
    })
  }

  subscribe(listener: QueueChangeListener): () => void {
    return this.listeners.add(listener)
  }

  async close(): Promise<void> {
    await this.subscriber.quit().catch(() => this.subscriber.disconnect())
  }
}

export function busFor(redis: Redis | null, log?: FastifyBaseLogger): LiveBus {
  return redis ? new RedisBus(redis, log) : new LocalBus(log)
}

import type { Redis } from 'ioredis'

export interface RateDecision {
  allowed: boolean
  /** Seconds until the window that refused this request ends (0 when allowed). */
  retryAfterS: number
}

/** Fixed-window counters: at most `limit` hits per `windowS` seconds per key. */
export interface RateLimiter {
  hit(key: string, limit: number, windowS: number, now: Date): Promise<RateDecision>
}

function windowOf(now: Date, windowS: number): { index: number; endsInS: number } {
  const seconds = now.getTime() / 1000
  const index = Math.floor(seconds / windowS)
  return { index, endsInS: Math.max(1, Math.ceil((index + 1) * windowS - seconds)) }
}

/** One process: counters in memory. Enough for a single node (the SQLite default). */
export class MemoryRateLimiter implements RateLimiter {
  private readonly counters = new Map<string, { index: number; count: number }>()

  async hit(key: string, limit: number, windowS: number, now: Date): Promise<RateDecision> {
    const { index, endsInS } = windowOf(now, windowS)
    const slot = `${key}|${windowS}`
    const counter = this.counters.get(slot)
    const count = counter && counter.index === index ? counter.count + 1 : 1
    this.counters.set(slot, { index, count })
    if (this.counters.size > 50_000) this.sweep(now)
    return count <= limit ? { allowed: true, retryAfterS: 0 } : { allowed: false, retryAfterS: endsInS }
  }

  private sweep(now: Date): void {
    for (const [slot, counter] of this.counters) {
      const windowS = Number(slot.slice(slot.lastIndexOf('|') + 1))
      if (counter.index < windowOf(now, windowS).index) this.counters.delete(slot)
    }
  }
}

// INCR and EXPIRE as one atomic step: a counter can never be left without its expiry.
const HIT_SCRIPT = "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end return n"

/**
 * Several API nodes: counters in Redis, so a limit holds across all of them. While Redis cannot be reached, each
 * node keeps limiting on its own (in memory) rather than refusing every sign-in or letting every guess through.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly fallback = new MemoryRateLimiter()

  constructor(private readonly redis: Redis) {}

  async hit(key: string, limit: number, windowS: number, now: Date): Promise<RateDecision> {
    const { index, endsInS } = windowOf(now, windowS)
    let count: number
    try {
      count = Number(await this.redis.eval(HIT_SCRIPT, 1, `banshi:rate:${key}:${windowS}:${index}`, windowS + 1))
    } catch {
      return this.fallback.hit(key, limit, windowS, now)
    }
    return count <= limit ? { allowed: true, retryAfterS: 0 } : { allowed: false, retryAfterS: endsInS }
  }
}

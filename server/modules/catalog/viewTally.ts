import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'

const FLUSH_EVERY_MS = 5_000

/**
 * Guide views counted in memory and written in one UPDATE per guide every few seconds, instead of one UPDATE per
 * page view: on a busy morning the popular guides are opened hundreds of times a minute, and every one of those
 * writes would queue on the same rows. A crash loses at most the last few seconds of counts, which only rank ties.
 */
export class ViewTally {
  private waiting = new Map<string, number>()
  private writing = new Map<string, number>()
  private flushing: Promise<void> = Promise.resolve()
  private timer: ReturnType<typeof setInterval> | null = null

  constructor(
    private readonly db: Kysely<Database>,
    private readonly flushEveryMs = FLUSH_EVERY_MS,
  ) {}

  count(code: string): void {
    this.waiting.set(code, (this.waiting.get(code) ?? 0) + 1)
  }

  /** Views of `code` not yet in the database, so answers can include them. */
  unwritten(code: string): number {
    return (this.waiting.get(code) ?? 0) + (this.writing.get(code) ?? 0)
  }

  /** Writes what has been counted; one write at a time, and a failed write is kept for the next one. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writeWaiting())
    return this.flushing
  }

  private async writeWaiting(): Promise<void> {
    if (this.waiting.size === 0) return
    this.writing = this.waiting
    this.waiting = new Map()
    const failed = new Map<string, number>()
    for (const [code, views] of this.writing) {
      try {
        await this.db.updateTable('items').set((eb) => ({ views: eb('views', '+', views) })).where('code', '=', code).execute()
      } catch {
        failed.set(code, views)
      }
    }
    this.writing = new Map()
    for (const [code, views] of failed) this.waiting.set(code, (this.waiting.get(code) ?? 0) + views)
  }

  start(): void {
    if (this.timer) return
    this.timer = setInterval(() => void this.flush(), this.flushEveryMs)
    this.timer.unref?.()
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.flush()
  }
}

import type { HallLevel, WeeklyHours } from '../../../src/domain/contract'
import { shanghaiTime } from '../../../src/domain/clockTime'
import { isOpenAt } from '../../../src/domain/hallHours'
import { AppError } from '../../errors'
import type { Principal } from '../../http/access'
import * as repo from './repo'
import { announceQueueChange, issueTicket, type QueueDeps } from './service'
import { actOnTicket, callNext } from './staff'

// Demo mode (`npm start`): the demo halls' queues move by themselves, so a newcomer sees live numbers, tickets called
// and estimates that change. Everything goes through the same service functions as real kiosks and windows.

/** People per minute at a hall of this level, by the time of day (minutes since local midnight). */
export function arrivalsPerMinute(level: HallLevel, minutes: number): number {
  const base = level === 'district' ? 1.3 : level === 'street' ? 0.45 : 0.12
  const hour = minutes / 60
  // A morning rush after opening, a quieter lunch, a second wave mid-afternoon, fewer near closing.
  const morning = Math.exp(-(((hour - 10) / 1.1) ** 2))
  const afternoon = 0.8 * Math.exp(-(((hour - 15) / 1.2) ** 2))
  return base * (0.35 + morning + afternoon)
}

/** Mean minutes at the window per category: 综合受理 is quick, 工程建设 takes long. */
const SERVICE_MEAN_MIN: Record<string, number> = { A: 6, B: 9, C: 12, D: 15, V: 8 }
/** Shares of arrivals per category; what is missing in a hall goes to A. */
const CATEGORY_SHARE: Record<string, number> = { V: 0.08, B: 0.25, C: 0.1, D: 0.05 }

/** Windows staffed in the demo: about a third of them, at least one. */
export function staffedWindows(windows: number): number {
  return Math.max(1, Math.min(windows, Math.round(windows / 3)))
}

export interface SimulatorOptions {
  /** Uniform random numbers in [0, 1); seeded in tests. */
  random?: () => number
  tickMs?: number
}

interface SimHall {
  id: string
  level: HallLevel
  hours: WeeklyHours
  windows: number
  categories: string[]
}

const SIMULATOR: Principal = { userId: 'simulator', role: 'admin', sessionId: 'simulator', name: '演示模拟', gridId: null, hallId: null }

export class QueueSimulator {
  private readonly random: () => number
  private readonly tickMs: number
  private halls: SimHall[] = []
  /** ticket id → when its service ends (clock ms). */
  private readonly serviceEnds = new Map<string, number>()
  private lastTick: number | null = null
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null

  constructor(
    private readonly deps: QueueDeps,
    options: SimulatorOptions = {},
  ) {
    this.random = options.random ?? Math.random
    this.tickMs = options.tickMs ?? 5000
  }

  /** Reads the halls and staffs a third of each hall's windows (the rest closed, so estimates are realistic). */
  async prepare(): Promise<void> {
    const rows = await this.deps.db.selectFrom('halls').select(['id', 'level', 'hours', 'windows']).orderBy('position').execute()
    const categories = await repo.categoriesOf(this.deps.db, rows.map((row) => row.id))
    const nowIso = this.deps.clock.now().toISOString()
    this.halls = rows.map((row) => ({
      id: row.id,
      level: row.level as HallLevel,
      hours: JSON.parse(row.hours) as WeeklyHours,
      windows: row.windows,
      categories: categories.filter((c) => c.hall_id === row.id).map((c) => c.id),
    }))
    for (const hall of this.halls) {
      const staffed = staffedWindows(hall.windows)
      for (let no = staffed + 1; no <= hall.windows; no += 1) await repo.saveWindow(this.deps.db, hall.id, no, null, false, nowIso)
      this.deps.states.invalidate(hall.id)
    }
  }

  start(): void {
    if (this.timer) return
    this.timer = setInterval(() => {
      // One tick at a time: a slow database makes ticks rarer, never overlapping.
      if (this.running) return
      this.running = this.tick()
        .catch((error) => this.deps.log.warn({ err: error }, 'queue simulator tick failed'))
        .finally(() => (this.running = null))
    }, this.tickMs)
    this.timer.unref()
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.running
  }

  /** Arrivals since the last tick (the first tick fills the hall with the last 20 minutes' worth), then the windows. */
  async tick(): Promise<void> {
    const now = this.deps.clock.now()
    const elapsedMin = this.lastTick === null ? 20 : Math.max(0, (now.getTime() - this.lastTick) / 60_000)
    this.lastTick = now.getTime()
    for (const hall of this.halls) {
      if (!isOpenAt(hall.hours, now) || hall.categories.length === 0) continue
      const expected = arrivalsPerMinute(hall.level, shanghaiTime(now).minutes) * elapsedMin
      for (let i = this.poisson(expected); i > 0; i -= 1) await this.arrive(hall, now)
      await this.serveWindows(hall, now)
    }
  }

  private async arrive(hall: SimHall, now: Date): Promise<void> {
    const issued = await this.deps.db.transaction().execute((trx) =>
      issueTicket(trx, { hallId: hall.id, categoryId: this.pickCategory(hall), userId: null, source: 'kiosk', now }),
    )
    await announceQueueChange(this.deps, issued.change)
  }

  private async serveWindows(hall: SimHall, now: Date): Promise<void> {
    for (let no = 1; no <= staffedWindows(hall.windows); no += 1) {
      const [current] = await repo.ticketsAtWindow(this.deps.db, hall.id, no)
      if (current && (this.serviceEnds.get(current.id) ?? 0) > now.getTime()) continue
      try {
        const called = await callNext(this.deps, SIMULATOR, hall.id, no, undefined)
        this.serviceEnds.set(called.id, now.getTime() + this.serviceMinutes(called.categoryId) * 60_000)
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'QUEUE_EMPTY')) throw error
        // Nobody waiting: the one at the window is done all the same.
        if (current) await actOnTicket(this.deps, SIMULATOR, current.id, 'complete').catch(() => undefined)
      }
      if (current) this.serviceEnds.delete(current.id)
    }
  }

  private pickCategory(hall: SimHall): string {
    let pick = this.random()
    for (const category of hall.categories) {
      const share = CATEGORY_SHARE[category] ?? 0
      if (pick < share) return category
      pick -= share
    }
    return hall.categories.includes('A') ? 'A' : hall.categories[0]
  }

  /** Log-normal around the category's mean, spread like real counters (a few take three times as long). */
  private serviceMinutes(categoryId: string): number {
    const mean = SERVICE_MEAN_MIN[categoryId] ?? 8
    const sigma = 0.55
    const u = Math.max(this.random(), 1e-9)
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.random())
    return Math.exp(Math.log(mean) - (sigma * sigma) / 2 + sigma * normal)
  }

  /** Knuth's method: fine for the small means of a few seconds' arrivals. */
  private poisson(mean: number): number {
    const limit = Math.exp(-Math.min(mean, 30))
    let count = 0
    for (let product = this.random(); product > limit; product *= this.random()) count += 1
    return count
  }
}

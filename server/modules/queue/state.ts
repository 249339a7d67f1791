import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { WeeklyHours } from '../../../src/domain/contract'
import { shanghaiMidnight, shanghaiTime } from '../../../src/domain/clockTime'
import * as repo from './repo'

/** What a hall's queue looks like at one moment: everything the snapshot, ticket views and estimates derive from. */
export interface HallQueueState {
  hall: { id: string; name: string; hours: WeeklyHours; windows: number }
  version: number
  updatedAt: string
  categories: Array<{ id: string; name: string; prefix: string; priority: boolean }>
  /** Windows 1..hall.windows; a window without a stored setting is open and serves every category. */
  windows: Array<{ no: number; categories: Set<string> | null; open: boolean }>
  /** Today's waiting, called and serving tickets. */
  active: repo.TicketRow[]
  /** Recent service times per category in minutes, oldest first. */
  serviceMin: Map<string, number[]>
  /** Priority tickets issued in the last hour, per minute. */
  priorityArrivalsPerMin: number
  /** When this state was read (the clock's time). */
  at: Date
}

const SERVICE_HISTORY_MS = 3 * 60 * 60 * 1000
const PRIORITY_RATE_MS = 60 * 60 * 1000

/**
 * Reads the queue state of several halls with a fixed number of queries whatever their count (hall list pages ask
 * for all halls at once). Halls that do not exist are left out of the answer.
 */
export async function loadStates(db: Kysely<Database>, hallIds: string[], now: Date): Promise<Map<string, HallQueueState>> {
  const states = new Map<string, HallQueueState>()
  if (hallIds.length === 0) return states
  const day = shanghaiTime(now).date
  const since = {
    finished: new Date(now.getTime() - SERVICE_HISTORY_MS).toISOString(),
    issued: new Date(now.getTime() - PRIORITY_RATE_MS).toISOString(),
  }
  const [halls, categories, windows, versions, tickets] = await Promise.all([
    repo.hallsByIds(db, hallIds),
    repo.categoriesOf(db, hallIds),
    repo.windowsOf(db, hallIds),
    repo.versionsOf(db, hallIds),
    repo.ticketsForState(db, hallIds, day, since),
  ])
  const midnight = shanghaiMidnight(now).toISOString()
  for (const hall of halls) {
    const settings = new Map(windows.filter((w) => w.hall_id === hall.id).map((w) => [w.no, w]))
    const version = versions.find((v) => v.hall_id === hall.id)
    states.set(hall.id, {
      hall: { id: hall.id, name: hall.name, hours: JSON.parse(hall.hours) as WeeklyHours, windows: hall.windows },
      version: version ? Number(version.version) : 0,
      updatedAt: version?.updated_at ?? midnight,
      categories: categories
        .filter((c) => c.hall_id === hall.id)
        .map((c) => ({ id: c.id, name: c.name, prefix: c.prefix, priority: c.priority === 1 })),
      windows: Array.from({ length: hall.windows }, (_, index) => {
        const setting = settings.get(index + 1)
        return {
          no: index + 1,
          categories: setting?.category_ids ? new Set(JSON.parse(setting.category_ids) as string[]) : null,
          open: setting ? setting.open === 1 : true,
        }
      }),
      active: [],
      serviceMin: new Map(),
      priorityArrivalsPerMin: 0,
      at: now,
    })
  }
  const priorityIssued = new Map<string, number>()
  const finished: repo.TicketRow[] = []
  for (const ticket of tickets) {
    const state = states.get(ticket.hall_id)
    if (!state) continue
    if (ticket.status === 'waiting' || ticket.status === 'called' || ticket.status === 'serving') state.active.push(ticket)
    if (ticket.status === 'done' && ticket.called_at && ticket.finished_at && ticket.finished_at >= since.finished) finished.push(ticket)
    if (ticket.priority === 1 && ticket.issued_at >= since.issued) {
      priorityIssued.set(ticket.hall_id, (priorityIssued.get(ticket.hall_id) ?? 0) + 1)
    }
  }
  finished.sort((a, b) => (a.finished_at! < b.finished_at! ? -1 : 1))
  for (const ticket of finished) {
    const state = states.get(ticket.hall_id)!
    const minutes = (Date.parse(ticket.finished_at!) - Date.parse(ticket.called_at!)) / 60_000
    const list = state.serviceMin.get(ticket.category_id) ?? []
    list.push(minutes)
    state.serviceMin.set(ticket.category_id, list)
  }
  for (const [hallId, count] of priorityIssued) states.get(hallId)!.priorityArrivalsPerMin = count / (PRIORITY_RATE_MS / 60_000)
  return states
}

/** How long a read state is used before it is read again: estimates move with the clock even without changes. */
export const STATE_TTL_MS = 5_000

interface Entry {
  state: HallQueueState
  /** Derived answers (snapshot JSON, ETag, hall summary) computed once per state. */
  memo: Map<string, unknown>
}

/**
 * Per-node cache of hall states. A change on this node drops the hall's entry at once; a change on another node
 * drops it when its event arrives on the bus; anything else expires after STATE_TTL_MS. A read that started before
 * a drop does not store its (possibly older) answer.
 */
export class QueueStateCache {
  private readonly entries = new Map<string, Entry>()
  private readonly generation = new Map<string, number>()

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  invalidate(hallId: string): void {
    this.entries.delete(hallId)
    this.generation.set(hallId, (this.generation.get(hallId) ?? 0) + 1)
  }

  async get(hallId: string): Promise<Entry | null> {
    return (await this.getMany([hallId])).get(hallId) ?? null
  }

  async getMany(hallIds: string[]): Promise<Map<string, Entry>> {
    const now = this.now()
    const found = new Map<string, Entry>()
    const missing: string[] = []
    for (const id of hallIds) {
      const entry = this.entries.get(id)
      if (entry && now.getTime() - entry.state.at.getTime() < STATE_TTL_MS && now >= entry.state.at) found.set(id, entry)
      else missing.push(id)
    }
    if (missing.length === 0) return found
    const generations = new Map(missing.map((id) => [id, this.generation.get(id) ?? 0]))
    const states = await loadStates(this.db, missing, now)
    for (const [id, state] of states) {
      const entry: Entry = { state, memo: new Map() }
      if ((this.generation.get(id) ?? 0) === generations.get(id)) this.entries.set(id, entry)
      found.set(id, entry)
    }
    return found
  }
}

/** A derived value computed once per cached state. */
export function memoize<T>(entry: Entry, key: string, compute: () => T): T {
  if (!entry.memo.has(key)) entry.memo.set(key, compute())
  return entry.memo.get(key) as T
}

export type { Entry as QueueStateEntry }

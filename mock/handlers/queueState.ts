// The mock's queue: tickets per hall in memory, moved by the same actions as the real server's, so pages and
// tests see numbers go up, windows call and estimates shrink. Not a model of waiting times; the server has that.
import type { Hall, QueueCategorySnapshot, QueueSnapshot, StaffQueue, Ticket } from '../../src/domain/contract'
import { ACTIVE_TICKET_STATUSES } from '../../src/domain/contract'
import { queueHallFixtures, seededTickets, type QueueHallFixture } from '../fixtures/queue'

interface HallQueue {
  version: number
  updatedAt: string
  tickets: Ticket[]
  issued: Record<string, number>
  /** Windows staff closed; every other window is open, as on the server. */
  closed: Set<number>
}

const PRIORITY_CATEGORY = 'V'
let queues = new Map<string, HallQueue>()
/** Mock time runs a minute per event from half an hour ago: numbers are today's, as on a real server. */
let clock = Date.now()
const tick = () => new Date((clock += 60_000)).toISOString()

export const hallFixture = (id: string): QueueHallFixture | undefined => queueHallFixtures.find((f) => f.detail.id === id)

export function resetMockQueue(): void {
  clock = Date.now() - 30 * 60_000
  queues = new Map(queueHallFixtures.map((f) => [f.detail.id, { version: 1, updatedAt: tick(), tickets: [], issued: {}, closed: new Set<number>() }]))
  for (const seed of seededTickets) {
    const ticket = issue(seed.hallId, seed.categoryId, 'kiosk')
    ticket.status = seed.status
    if (seed.window) ticket.window = seed.window
  }
  for (const queue of queues.values()) queue.version = 1
}

const queueOf = (hallId: string) => queues.get(hallId)!
const isActive = (t: Ticket) => (ACTIVE_TICKET_STATUSES as readonly string[]).includes(t.status)

/** Waiting tickets in the order windows will call them: the priority category first, then by number taken. */
function callOrder(hallId: string, categoryIds?: string[]): Ticket[] {
  return queueOf(hallId)
    .tickets.filter((t) => t.status === 'waiting' && (!categoryIds || categoryIds.includes(t.categoryId)))
    .sort((a, b) => Number(b.priority) - Number(a.priority) || a.issuedAt.localeCompare(b.issuedAt))
}

function estimate(fixture: QueueHallFixture, categoryId: string, ahead: number): [number, number] {
  const windows = Math.max(1, fixture.openWindows[categoryId] ?? 1)
  const low = Math.round((ahead * (fixture.serviceMin[categoryId] ?? 8)) / windows)
  return [low, ahead === 0 ? 0 : Math.round(low * 1.6) + 2]
}

function view(ticket: Ticket): Ticket {
  if (ticket.status !== 'waiting') return { ...ticket, ahead: 0, estimatedWaitMin: 0, estimatedWaitHighMin: 0 }
  const ahead = callOrder(ticket.hallId, [ticket.categoryId]).findIndex((t) => t.id === ticket.id)
  const [low, high] = estimate(hallFixture(ticket.hallId)!, ticket.categoryId, ahead)
  return { ...ticket, ahead, estimatedWaitMin: low, estimatedWaitHighMin: high }
}

export function snapshotOf(hallId: string): QueueSnapshot {
  const fixture = hallFixture(hallId)!
  const queue = queueOf(hallId)
  const categories: QueueCategorySnapshot[] = fixture.detail.categories.map(({ id, name }) => {
    const waiting = callOrder(hallId, [id]).length
    const [low, high] = estimate(fixture, id, waiting)
    const serving = queue.tickets
      .filter((t) => t.categoryId === id && (t.status === 'called' || t.status === 'serving'))
      .sort((a, b) => (b.calledAt ?? '').localeCompare(a.calledAt ?? ''))
      .map((t) => t.number)
    return { id, name, prefix: id, serving, waiting, estimatedWaitMin: low, estimatedWaitHighMin: high, openWindows: fixture.openWindows[id] ?? 0 }
  })
  return { hallId, version: queue.version, updatedAt: queue.updatedAt, openNow: fixture.detail.openNow, categories }
}

export function hallSummary(fixture: QueueHallFixture): Hall['queue'] {
  const general = snapshotOf(fixture.detail.id).categories.find((c) => c.id !== PRIORITY_CATEGORY)!
  const waiting = queueOf(fixture.detail.id).tickets.filter((t) => t.status === 'waiting').length
  return { waiting, estimatedWaitMin: general.estimatedWaitMin, estimatedWaitHighMin: general.estimatedWaitHighMin }
}

function changed(hallId: string): void {
  const queue = queueOf(hallId)
  queue.version += 1
  queue.updatedAt = tick()
}

export function issue(hallId: string, categoryId: string, source: Ticket['source']): Ticket {
  const fixture = hallFixture(hallId)!
  const queue = queueOf(hallId)
  const category = fixture.detail.categories.find((c) => c.id === categoryId)!
  queue.issued[categoryId] = (queue.issued[categoryId] ?? 0) + 1
  const ticket: Ticket = {
    id: `${hallId}-${categoryId}${queue.issued[categoryId]}`,
    number: `${categoryId}${String(queue.issued[categoryId]).padStart(3, '0')}`,
    hallId,
    hallName: fixture.detail.name,
    categoryId,
    categoryName: category.name,
    status: 'waiting',
    priority: categoryId === PRIORITY_CATEGORY,
    source,
    ahead: 0,
    estimatedWaitMin: 0,
    estimatedWaitHighMin: 0,
    window: null,
    issuedAt: tick(),
    calledAt: null,
    finishedAt: null,
    appointmentId: null,
  }
  queue.tickets.push(ticket)
  changed(hallId)
  return ticket
}

export const findTicket = (id: string): Ticket | undefined => {
  for (const queue of queues.values()) {
    const found = queue.tickets.find((t) => t.id === id)
    if (found) return found
  }
  return undefined
}

export const activeAppTicket = (hallId: string) => queueOf(hallId).tickets.find((t) => t.source === 'app' && isActive(t))

/** The mock's one person holds every app-taken number still in play. */
export const activeAppTickets = () => [...queues.keys()].map(activeAppTicket).filter((t): t is Ticket => t !== undefined)

export function callNextAt(hallId: string, windowNo: number, categoryIds?: string[]): Ticket | null {
  const next = callOrder(hallId, categoryIds)[0]
  if (!next) return null
  // As on the server: calling the next one finishes whatever the window had.
  for (const previous of queueOf(hallId).tickets) {
    if (previous.window === windowNo && (previous.status === 'called' || previous.status === 'serving')) Object.assign(previous, { status: 'done', finishedAt: tick() })
  }
  Object.assign(next, { status: 'called', window: windowNo, calledAt: tick() })
  queueOf(hallId).closed.delete(windowNo)
  changed(hallId)
  return next
}

/** False when the window still has a number at it (the server's WINDOW_BUSY). */
export function closeWindowAt(hallId: string, windowNo: number): boolean {
  const busy = queueOf(hallId).tickets.some((t) => t.window === windowNo && (t.status === 'called' || t.status === 'serving'))
  if (busy) return false
  queueOf(hallId).closed.add(windowNo)
  changed(hallId)
  return true
}

export type MockStaffAction = 'recall' | 'skip' | 'complete' | 'cancel'

export function act(ticket: Ticket, action: MockStaffAction): void {
  if (action === 'recall') ticket.calledAt = tick()
  else Object.assign(ticket, { status: { skip: 'skipped', complete: 'done', cancel: 'cancelled' }[action], finishedAt: tick() })
  changed(ticket.hallId)
}

export function transfer(ticket: Ticket, categoryId: string): void {
  const category = hallFixture(ticket.hallId)!.detail.categories.find((c) => c.id === categoryId)!
  Object.assign(ticket, { categoryId, categoryName: category.name, status: 'waiting', window: null, calledAt: null, priority: categoryId === PRIORITY_CATEGORY })
  changed(ticket.hallId)
}

export function staffQueueOf(hallId: string): StaffQueue {
  const fixture = hallFixture(hallId)!
  const atWindow = (no: number) => queueOf(hallId).tickets.find((t) => t.window === no && (t.status === 'called' || t.status === 'serving'))
  return {
    snapshot: snapshotOf(hallId),
    windows: Array.from({ length: fixture.detail.windows }, (_, i) => ({
      no: i + 1,
      open: !queueOf(hallId).closed.has(i + 1),
      ticket: atWindow(i + 1) ? view(atWindow(i + 1)!) : null,
    })),
    waiting: callOrder(hallId).map(view),
  }
}

export const ticketView = view
export const ticketsOfHall = (hallId: string) => queueOf(hallId).tickets

resetMockQueue()

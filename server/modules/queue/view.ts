import { createHash } from 'node:crypto'
import type { Hall, QueueCategorySnapshot, QueueSnapshot, Ticket, TicketSource, TicketStatus } from '../../../src/domain/contract'
import { isOpenAt } from '../../../src/domain/hallHours'
import { aheadOf, callOrder, type OrderedTicket } from '../../../src/domain/queueOrder'
import { estimateWait, serviceTime, type WaitEstimate } from '../../../src/domain/queueEstimate'
import type { TicketRow } from './repo'
import { memoize, type HallQueueState, type QueueStateEntry } from './state'

export function ordered(row: TicketRow): OrderedTicket & { row: TicketRow } {
  return { id: row.id, categoryId: row.category_id, priority: row.priority === 1, issuedAt: Date.parse(row.issued_at), seq: row.issue_order, row }
}

/** Which categories share an open window with which: people in one hold up the other. */
function windowSharing(state: HallQueueState): (a: string, b: string) => boolean {
  const open = state.windows.filter((w) => w.open)
  return (a, b) => open.some((w) => !w.categories || (w.categories.has(a) && w.categories.has(b)))
}

function servesCategory(window: HallQueueState['windows'][number], categoryId: string): boolean {
  return window.open && (!window.categories || window.categories.has(categoryId))
}

/** The wait of a ticket of `categoryId` with `ahead` people before it, at the state's time. */
function waitFor(state: HallQueueState, categoryId: string, ahead: number, priority: boolean): WaitEstimate {
  const windows = state.windows.filter((w) => servesCategory(w, categoryId))
  const windowNos = new Set(windows.map((w) => w.no))
  const now = state.at.getTime()
  return estimateWait({
    ahead,
    service: serviceTime(state.serviceMin.get(categoryId) ?? []),
    openWindows: windows.length,
    inServiceElapsedMin: state.active
      .filter((t) => t.status !== 'waiting' && t.window !== null && windowNos.has(t.window) && t.called_at)
      .map((t) => Math.max(0, (now - Date.parse(t.called_at!)) / 60_000)),
    priorityArrivalsPerMin: priority ? 0 : state.priorityArrivalsPerMin,
  })
}

function waitingOrdered(state: HallQueueState) {
  return state.active.filter((t) => t.status === 'waiting').map(ordered)
}

function categorySnapshot(state: HallQueueState, category: HallQueueState['categories'][number]): QueueCategorySnapshot {
  const waiting = waitingOrdered(state)
  const newcomer: OrderedTicket = { id: '', categoryId: category.id, priority: category.priority, issuedAt: Number.MAX_SAFE_INTEGER, seq: Number.MAX_SAFE_INTEGER }
  const estimate = waitFor(state, category.id, aheadOf(newcomer, waiting, windowSharing(state)), category.priority)
  return {
    id: category.id,
    name: category.name,
    prefix: category.prefix,
    serving: state.active
      .filter((t) => t.category_id === category.id && (t.status === 'called' || t.status === 'serving'))
      .sort((a, b) => ((a.called_at ?? '') < (b.called_at ?? '') ? 1 : -1))
      .map((t) => t.number),
    waiting: waiting.filter((t) => t.categoryId === category.id).length,
    estimatedWaitMin: estimate.p50Min,
    estimatedWaitHighMin: estimate.p80Min,
    openWindows: state.windows.filter((w) => servesCategory(w, category.id)).length,
  }
}

export function buildSnapshot(state: HallQueueState): QueueSnapshot {
  return {
    hallId: state.hall.id,
    version: state.version,
    updatedAt: state.updatedAt,
    openNow: isOpenAt(state.hall.hours, state.at),
    categories: state.categories.map((category) => categorySnapshot(state, category)),
  }
}

export interface SerializedSnapshot {
  snapshot: QueueSnapshot
  json: string
  etag: string
}

/** The snapshot with its JSON and ETag, computed once per cached state (the hot path of polling and live pushes). */
export function snapshotOf(entry: QueueStateEntry): SerializedSnapshot {
  return memoize(entry, 'snapshot', () => {
    const snapshot = buildSnapshot(entry.state)
    const json = JSON.stringify(snapshot)
    // The version alone is not enough: estimates and "open now" move with the clock between changes.
    const etag = `"${entry.state.version}-${createHash('sha1').update(json).digest('base64url').slice(0, 16)}"`
    return { snapshot, json, etag }
  })
}

/** Hall list figures over all categories: everyone waiting, and the wait of an ordinary newcomer at any window. */
export function summaryOf(entry: QueueStateEntry): Hall['queue'] {
  return memoize(entry, 'summary', () => {
    const { state } = entry
    if (state.categories.length === 0) return null
    const waiting = state.active.filter((t) => t.status === 'waiting').length
    const allServices = [...state.serviceMin.values()].flat()
    const open = state.windows.filter((w) => w.open).length
    const now = state.at.getTime()
    const estimate = estimateWait({
      ahead: waiting,
      service: serviceTime(allServices),
      openWindows: open,
      inServiceElapsedMin: state.active
        .filter((t) => t.status !== 'waiting' && t.called_at)
        .map((t) => Math.max(0, (now - Date.parse(t.called_at!)) / 60_000)),
      priorityArrivalsPerMin: state.priorityArrivalsPerMin,
    })
    return { waiting, estimatedWaitMin: estimate.p50Min, estimatedWaitHighMin: estimate.p80Min }
  })
}

/** Waiting tickets in the order the hall will call them. */
export function waitingInOrder(state: HallQueueState): TicketRow[] {
  return callOrder(waitingOrdered(state)).map((t) => t.row)
}

export function ticketView(state: HallQueueState, row: TicketRow): Ticket {
  const category = state.categories.find((c) => c.id === row.category_id)
  let ahead = 0
  let estimate: WaitEstimate = { p50Min: 0, p80Min: 0 }
  if (row.status === 'waiting') {
    ahead = aheadOf(ordered(row), waitingOrdered(state), windowSharing(state))
    estimate = waitFor(state, row.category_id, ahead, row.priority === 1)
  }
  return {
    id: row.id,
    number: row.number,
    hallId: row.hall_id,
    hallName: state.hall.name,
    categoryId: row.category_id,
    categoryName: category?.name ?? row.category_id,
    status: row.status as TicketStatus,
    priority: row.priority === 1,
    source: row.source as TicketSource,
    ahead,
    estimatedWaitMin: estimate.p50Min,
    estimatedWaitHighMin: estimate.p80Min,
    window: row.window,
    issuedAt: row.issued_at,
    calledAt: row.called_at,
    finishedAt: row.finished_at,
    appointmentId: row.appointment_id,
  }
}

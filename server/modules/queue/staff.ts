import type { StaffQueue, Ticket } from '../../../src/domain/contract'
import { shanghaiTime } from '../../../src/domain/clockTime'
import { nextToCall } from '../../../src/domain/queueOrder'
import { AppError, notFound } from '../../errors'
import type { Principal } from '../../http/access'
import * as repo from './repo'
import { finishAppointmentOf } from './appointmentDone'
import { loadStates } from './state'
import { announceQueueChange, freshTicketView, type QueueAnnouncement, type QueueDeps } from './service'
import { ordered, snapshotOf, ticketView, waitingInOrder } from './view'
import { enqueueCalled } from './notices'

/** Window staff act in their own hall only; administrators anywhere. */
function assertHallStaff(principal: Principal, hallId: string): void {
  if (principal.role === 'admin') return
  if (principal.role !== 'window_staff' || principal.hallId !== hallId) throw new AppError(403, 'FORBIDDEN')
}

async function staffHall(deps: QueueDeps, principal: Principal, hallId: string) {
  const hall = await repo.findHall(deps.db, hallId)
  if (!hall) throw notFound('HALL_NOT_FOUND')
  assertHallStaff(principal, hallId)
  return hall
}

export async function staffQueue(deps: QueueDeps, principal: Principal, hallId: string): Promise<StaffQueue> {
  await staffHall(deps, principal, hallId)
  // The console acts on what it shows: a fresh read, not the few-seconds cache citizens' screens use.
  deps.states.invalidate(hallId)
  const entry = (await deps.states.get(hallId))!
  const { state } = entry
  return {
    snapshot: snapshotOf(entry).snapshot,
    windows: state.windows.map((window) => {
      const row = state.active.find((t) => t.window === window.no && (t.status === 'called' || t.status === 'serving'))
      return { no: window.no, open: window.open, ticket: row ? ticketView(state, row) : null }
    }),
    waiting: waitingInOrder(state).map((row) => ticketView(state, row)),
  }
}

function validCategories(known: Array<{ id: string }>, wanted: string[]): void {
  const ids = new Set(known.map((c) => c.id))
  if (wanted.some((id) => !ids.has(id))) throw new AppError(400, 'CATEGORY_NOT_FOUND')
}

const CALL_ATTEMPTS = 5

/**
 * Calls the next ticket to a window: the ticket the window had is done, the next in call order among the
 * categories the window serves (those given now, else the window's setting, else all) is called. Two windows
 * calling at once both get a different ticket: the loser of a race on one ticket tries the next.
 */
export async function callNext(
  deps: QueueDeps,
  principal: Principal,
  hallId: string,
  windowNo: number,
  categoryIds: string[] | undefined,
): Promise<Ticket> {
  const hall = await staffHall(deps, principal, hallId)
  if (windowNo > hall.windows) throw notFound('WINDOW_NOT_FOUND')
  const now = deps.clock.now()
  const nowIso = now.toISOString()
  const day = shanghaiTime(now).date
  const result = await deps.db.transaction().execute(async (trx) => {
    // The hall's version row is every change's first write (one lock order: no deadlocks between changes).
    const version = await repo.bumpVersion(trx, hallId, nowIso)
    const state = (await loadStates(trx, [hallId], now)).get(hallId)!
    if (categoryIds) validCategories(state.categories, categoryIds)
    const window = state.windows[windowNo - 1]
    const serves = categoryIds?.length ? new Set(categoryIds) : window.categories
    if (categoryIds || !window.open) await repo.saveWindow(trx, hallId, windowNo, serves ? [...serves] : null, true, nowIso)
    let called: repo.TicketRow | null = null
    let waiting = (await repo.waitingTickets(trx, hallId, day)).map(ordered)
    for (let attempt = 0; attempt < CALL_ATTEMPTS && !called; attempt += 1) {
      const next = nextToCall(waiting, serves)
      if (!next) break
      if (await repo.moveTicket(trx, next.id, ['waiting'], { status: 'called', window: windowNo, called_at: nowIso })) called = next.row
      else waiting = waiting.filter((t) => t.id !== next.id)
    }
    if (!called) throw new AppError(409, 'QUEUE_EMPTY')
    const finished = await repo.ticketsAtWindow(trx, hallId, windowNo)
    for (const previous of finished) {
      if (previous.id !== called.id && (await repo.moveTicket(trx, previous.id, ['called', 'serving'], { status: 'done', finished_at: nowIso }))) {
        await finishAppointmentOf(trx, previous)
      }
    }
    const row = (await repo.findTicket(trx, called.id))!
    await enqueueCalled(trx, now, row, hall.name, version)
    const change: QueueAnnouncement = {
      hallId,
      version,
      ticketIds: [row.id, ...finished.filter((t) => t.id !== row.id).map((t) => t.id)],
      calledTicketIds: [row.id],
    }
    return { change, view: await freshTicketView(trx, row, now) }
  })
  await announceQueueChange(deps, result.change)
  return result.view
}

/**
 * Closes a window (lunch, end of shift): it calls no one and stops counting in the wait estimates citizens see, so
 * they are not told a shorter wait than the hall can give. A window with a number still at it must finish it first.
 */
export async function closeWindow(deps: QueueDeps, principal: Principal, hallId: string, windowNo: number): Promise<StaffQueue> {
  const hall = await staffHall(deps, principal, hallId)
  if (windowNo > hall.windows) throw notFound('WINDOW_NOT_FOUND')
  const now = deps.clock.now()
  const nowIso = now.toISOString()
  const change = await deps.db.transaction().execute(async (trx) => {
    const version = await repo.bumpVersion(trx, hallId, nowIso)
    const state = (await loadStates(trx, [hallId], now)).get(hallId)!
    if ((await repo.ticketsAtWindow(trx, hallId, windowNo)).length > 0) throw new AppError(409, 'WINDOW_BUSY')
    const window = state.windows[windowNo - 1]
    await repo.saveWindow(trx, hallId, windowNo, window.categories ? [...window.categories] : null, false, nowIso)
    return { hallId, version, ticketIds: [] } satisfies QueueAnnouncement
  })
  await announceQueueChange(deps, change)
  return staffQueue(deps, principal, hallId)
}

export type TicketAction = 'recall' | 'skip' | 'complete' | 'transfer'

/** From which statuses each action may move a ticket. */
const ACTION_FROM: Record<TicketAction, readonly string[]> = {
  recall: ['called', 'serving'],
  skip: ['waiting', 'called', 'serving'],
  complete: ['called', 'serving'],
  transfer: ['waiting', 'called', 'serving'],
}

export async function actOnTicket(
  deps: QueueDeps,
  principal: Principal,
  ticketId: string,
  action: TicketAction,
  transferTo?: string,
): Promise<Ticket> {
  const row = await repo.findTicket(deps.db, ticketId)
  if (!row) throw notFound('TICKET_NOT_FOUND')
  assertHallStaff(principal, row.hall_id)
  const now = deps.clock.now()
  const nowIso = now.toISOString()
  let target: { id: string; priority: number } | undefined
  if (action === 'transfer') {
    target = await repo.findCategory(deps.db, row.hall_id, transferTo ?? '')
    if (!target) throw new AppError(400, 'CATEGORY_NOT_FOUND')
  }
  const result = await deps.db.transaction().execute(async (trx) => {
    const version = await repo.bumpVersion(trx, row.hall_id, nowIso)
    const from = ACTION_FROM[action]
    let moved: boolean
    if (action === 'recall') {
      // Nothing about the ticket changes, but every screen and the holder's phone hear the call again.
      const current = await repo.findTicket(trx, row.id)
      moved = from.includes(current?.status ?? '')
      if (moved) await enqueueCalled(trx, now, current!, (await repo.findHall(trx, row.hall_id))?.name ?? '', version)
    } else if (action === 'skip') {
      moved = await repo.moveTicket(trx, row.id, from, { status: 'skipped', finished_at: nowIso })
    } else if (action === 'complete') {
      moved = await repo.moveTicket(trx, row.id, from, { status: 'done', finished_at: nowIso })
      if (moved) await finishAppointmentOf(trx, row)
    } else {
      // Back into the queue of the other category, keeping its first issue time so it is not sent to the end.
      const priority = target!.priority === 1 || row.appointment_id ? 1 : 0
      moved = await repo.moveTicket(trx, row.id, from, { status: 'waiting', category_id: target!.id, window: null, called_at: null, priority })
    }
    if (!moved) throw new AppError(409, 'TICKET_NOT_ACTIVE')
    const updated = (await repo.findTicket(trx, row.id))!
    const change: QueueAnnouncement = {
      hallId: row.hall_id,
      version,
      ticketIds: [row.id],
      calledTicketIds: action === 'recall' ? [row.id] : [],
    }
    return { change, view: await freshTicketView(trx, updated, now) }
  })
  await announceQueueChange(deps, result.change)
  return result.view
}

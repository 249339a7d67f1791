import type { Kysely, Transaction } from 'kysely'
import type { FastifyBaseLogger } from 'fastify'
import type { Database } from '../../db/schema'
import type { Clock } from '../../clock'
import type { Ticket, TicketSource, WeeklyHours } from '../../../src/domain/contract'
import { shanghaiTime } from '../../../src/domain/clockTime'
import { isOpenAt } from '../../../src/domain/hallHours'
import { AppError, notFound } from '../../errors'
import { isUniqueViolation } from '../../db/errors'
import { newId } from '../auth/repo'
import type { LiveBus, QueueChange } from '../../live/bus'
import type { Principal } from '../../http/access'
import * as repo from './repo'
import type { QueueStateCache } from './state'
import { loadStates } from './state'
import { snapshotOf, ticketView, type SerializedSnapshot } from './view'
import { NEAR_TURN_AHEAD, type QueueReminderHook } from './reminders'
import { enqueueNearTurn } from './notices'

export interface QueueDeps {
  db: Kysely<Database>
  clock: Clock
  states: QueueStateCache
  bus: LiveBus
  reminders: QueueReminderHook
  log: FastifyBaseLogger
  /** Tells this node's notification worker that a committed change enqueued something (no-op without one). */
  kickNotices: () => void
}

/** What a committed change needs announced: its hall version for subscribers, and who was called (reminders). */
export interface QueueAnnouncement extends QueueChange {
  calledTicketIds?: string[]
}

/** Ticket numbers: the category's letter and at least three digits (A001 … A999, A1000 …). */
export function ticketNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, '0')}`
}

export interface IssueTicketInput {
  hallId: string
  categoryId: string
  userId: string | null
  source: TicketSource
  /** Called before ordinary tickets even outside the priority category (an appointment, a 绿色通道 case). */
  priority?: boolean
  appointmentId?: string | null
  now: Date
}

export interface IssuedTicket {
  ticket: repo.TicketRow
  /** To pass to announceQueueChange once the caller's transaction has committed. */
  change: QueueAnnouncement
}

/**
 * Issues the next number of a hall's category, inside the caller's transaction and nothing else (appointment
 * check-in issues its ticket in the same transaction that checks the appointment in). The counter bump and the
 * insert commit or roll back together, so numbers have no gaps and are never reused that day.
 */
export async function issueTicket(trx: Transaction<Database> | Kysely<Database>, input: IssueTicketInput): Promise<IssuedTicket> {
  const hall = await repo.findHall(trx, input.hallId)
  if (!hall) throw notFound('HALL_NOT_FOUND')
  const category = await repo.findCategory(trx, input.hallId, input.categoryId)
  if (!category) throw new AppError(400, 'CATEGORY_NOT_FOUND')
  if (!isOpenAt(JSON.parse(hall.hours) as WeeklyHours, input.now)) throw new AppError(409, 'HALL_CLOSED')
  const day = shanghaiTime(input.now).date
  const nowIso = input.now.toISOString()
  if (input.userId) {
    await repo.expireEarlierDays(trx, input.hallId, input.userId, day, nowIso)
    const existing = await repo.activeTicketOf(trx, input.hallId, input.userId)
    if (existing.length > 0) throw new AppError(409, 'TICKET_EXISTS', { ticketId: existing[0].id })
  }
  // The hall's version row first, as in every queue change: one lock order, so changes in a hall never deadlock.
  const version = await repo.bumpVersion(trx, input.hallId, nowIso)
  const seq = await repo.nextSeq(trx, input.hallId, category.id, day)
  const ticket: repo.TicketRow = {
    id: newId(),
    hall_id: input.hallId,
    category_id: category.id,
    series: category.id,
    number: ticketNumber(category.prefix, seq),
    seq,
    issue_order: version,
    day,
    status: 'waiting',
    priority: category.priority === 1 || input.priority || input.appointmentId ? 1 : 0,
    source: input.source,
    user_id: input.userId,
    appointment_id: input.appointmentId ?? null,
    window: null,
    issued_at: nowIso,
    called_at: null,
    finished_at: null,
    near_reminded_at: null,
  }
  try {
    await repo.insertTicket(trx, ticket)
  } catch (error) {
    // Two taps racing past the check above: the partial unique index lets only one active ticket in.
    if (isUniqueViolation(error) && input.userId) throw new AppError(409, 'TICKET_EXISTS')
    throw error
  }
  return { ticket, change: { hallId: input.hallId, version, ticketIds: [ticket.id] } }
}

/** A ticket as its holder sees it, computed from a fresh read (inside `db`, which may be a transaction). */
export async function freshTicketView(db: Kysely<Database>, row: repo.TicketRow, now: Date): Promise<Ticket> {
  const state = (await loadStates(db, [row.hall_id], now)).get(row.hall_id)
  if (!state) throw notFound('HALL_NOT_FOUND')
  return ticketView(state, row)
}

/** A ticket from the node's cached hall state (at most a few seconds old; dropped on every change). */
export async function cachedTicketView(deps: QueueDeps, row: repo.TicketRow): Promise<Ticket> {
  const entry = await deps.states.get(row.hall_id)
  if (!entry) throw notFound('HALL_NOT_FOUND')
  return ticketView(entry.state, row)
}

/**
 * After commit: drops this node's cached state, tells every node's subscribers, and sends reminders that became
 * due. Reminder failures are logged: the change itself has already happened.
 */
export async function announceQueueChange(deps: QueueDeps, change: QueueAnnouncement): Promise<void> {
  deps.states.invalidate(change.hallId)
  deps.bus.publish({ hallId: change.hallId, version: change.version, ticketIds: change.ticketIds })
  try {
    await sendDueReminders(deps, change)
  } catch (error) {
    deps.log.warn({ err: error, hallId: change.hallId }, 'queue reminders failed')
  }
}

async function sendDueReminders(deps: QueueDeps, change: QueueAnnouncement): Promise<void> {
  const entry = await deps.states.get(change.hallId)
  if (!entry) return
  const { state } = entry
  const nowIso = deps.clock.now().toISOString()
  // The "called" messages themselves were enqueued with the call; this node's worker sends them now.
  if (change.calledTicketIds?.length) deps.kickNotices()
  for (const id of change.calledTicketIds ?? []) {
    const row = state.active.find((t) => t.id === id) ?? (await repo.findTicket(deps.db, id))
    if (row?.user_id) await deps.reminders.called(ticketView(state, row), row.user_id)
  }
  for (const row of state.active) {
    if (row.status !== 'waiting' || !row.user_id || row.near_reminded_at) continue
    const view = ticketView(state, row)
    if (view.ahead > NEAR_TURN_AHEAD) continue
    // The outbox row (keyed by the ticket) is the claim: of several nodes seeing the same change, one enqueues it.
    // The ticket's mark, in the same transaction, skips a ticket called meanwhile and spares later changes the look.
    const claimed = await deps.db.transaction().execute(async (trx) => {
      if (!(await repo.markNearReminded(trx, row.id, nowIso))) return false
      return enqueueNearTurn(trx, deps.clock.now(), row, state.hall.name, view.ahead)
    })
    row.near_reminded_at = nowIso
    if (claimed) {
      deps.kickNotices()
      await deps.reminders.nearTurn(view, row.user_id)
    }
  }
}

export async function queueSnapshot(deps: QueueDeps, hallId: string): Promise<SerializedSnapshot> {
  const entry = await deps.states.get(hallId)
  if (!entry) throw notFound('HALL_NOT_FOUND')
  return snapshotOf(entry)
}

/** Tickets belong to the person who took them: anyone else is told it does not exist. */
async function ownTicket(deps: QueueDeps, principal: Principal, id: string): Promise<repo.TicketRow> {
  const row = await repo.findTicket(deps.db, id)
  if (!row || row.user_id !== principal.userId) throw notFound('TICKET_NOT_FOUND')
  return row
}

export async function myTicket(deps: QueueDeps, principal: Principal, id: string): Promise<Ticket> {
  let row = await ownTicket(deps, principal, id)
  const now = deps.clock.now()
  const today = shanghaiTime(now).date
  // A number is valid on its day only: one left waiting when the hall closed is void the next morning.
  if (row.day < today && (row.status === 'waiting' || row.status === 'called' || row.status === 'serving')) {
    await repo.expireEarlierDays(deps.db, row.hall_id, principal.userId, today, now.toISOString())
    row = (await repo.findTicket(deps.db, id))!
  }
  return cachedTicketView(deps, row)
}

/** Today's active numbers of the signed-in person, so a new phone or a cleared app finds them again. */
export async function myActiveTickets(deps: QueueDeps, principal: Principal): Promise<Ticket[]> {
  const rows = await repo.activeTicketsOfUser(deps.db, principal.userId, shanghaiTime(deps.clock.now()).date)
  return Promise.all(rows.map((row) => cachedTicketView(deps, row)))
}

export async function cancelMyTicket(deps: QueueDeps, principal: Principal, id: string): Promise<Ticket> {
  const row = await ownTicket(deps, principal, id)
  const now = deps.clock.now()
  const nowIso = now.toISOString()
  const result = await deps.db.transaction().execute(async (trx) => {
    const version = await repo.bumpVersion(trx, row.hall_id, nowIso)
    // Waiting, or called but not yet at the window: the person may still give up the number.
    if (!(await repo.moveTicket(trx, row.id, ['waiting', 'called'], { status: 'cancelled', finished_at: nowIso }))) {
      throw new AppError(409, 'TICKET_NOT_ACTIVE')
    }
    const updated = (await repo.findTicket(trx, row.id))!
    return { change: { hallId: row.hall_id, version, ticketIds: [row.id] }, view: await freshTicketView(trx, updated, now) }
  })
  await announceQueueChange(deps, result.change)
  return result.view
}

import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { QueueEvent } from '../../../src/domain/contract'
import { shanghaiTime } from '../../../src/domain/clockTime'
import { AppError, notFound, validationFailed } from '../../errors'
import { newId } from '../auth/repo'
import * as repo from './repo'
import { finishAppointmentOf } from './appointmentDone'
import { announceQueueChange, type QueueDeps } from './service'
import { enqueueCalled } from './notices'

// Halls that already run a queue machine (取号机) report its events here, so their queue shows live in the app.
// The machine owns its numbers: an "issued" event stores the number it printed and pushes this hall's own counter
// past it, so numbers taken in the app never repeat a machine's.

const KEY_PREFIX = 'bsq_'

export const hashIntegrationKey = (key: string) => createHash('sha256').update(key).digest('hex')

/** A new key for a hall: only its hash is stored, the key itself is shown once. */
export async function createIntegrationKey(db: Kysely<Database>, hallId: string, now: Date): Promise<string> {
  const hall = await repo.findHall(db, hallId)
  if (!hall) throw notFound('HALL_NOT_FOUND')
  const key = `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`
  await repo.insertIntegrationKey(db, hallId, hashIntegrationKey(key), now.toISOString())
  return key
}

export async function revokeIntegrationKeys(db: Kysely<Database>, hallId: string, now: Date): Promise<number> {
  return repo.revokeIntegrationKeys(db, hallId, now.toISOString())
}

export async function hallOfKey(db: Kysely<Database>, key: string | undefined): Promise<string> {
  if (!key) throw new AppError(401, 'INTEGRATION_KEY_INVALID')
  const row = await repo.findIntegrationKey(db, hashIntegrationKey(key))
  if (!row) throw new AppError(401, 'INTEGRATION_KEY_INVALID')
  return row.hall_id
}

function eventTime(event: QueueEvent, index: number, now: Date): Date {
  if (event.at === undefined) return now
  const at = new Date(event.at)
  if (Number.isNaN(at.getTime())) throw validationFailed([{ field: `body.events.${index}.at`, issue: 'an ISO 8601 time such as 2026-11-25T10:00:00+08:00' }])
  return at
}

function seqOf(number: string, index: number): number {
  const digits = /(\d+)$/.exec(number)
  if (!digits) throw validationFailed([{ field: `body.events.${index}.number`, issue: 'a queue number ending in digits, such as A023' }])
  return Number(digits[1])
}

/**
 * Applies a batch of machine events in order, in one transaction: each event id once (a repeated id counts as a
 * duplicate and changes nothing), an unknown category refuses the whole batch.
 */
export async function applyQueueEvents(
  deps: QueueDeps,
  hallId: string,
  events: QueueEvent[],
): Promise<{ applied: number; duplicates: number }> {
  const now = deps.clock.now()
  const nowIso = now.toISOString()
  const result = await deps.db.transaction().execute(async (trx) => {
    // The version row first, as in every queue change (one lock order); a batch of duplicates is rolled back below.
    const version = await repo.bumpVersion(trx, hallId, nowIso)
    const categories = await repo.categoriesOf(trx, [hallId])
    const touched = new Set<string>()
    const called: string[] = []
    let hallName: string | undefined
    let applied = 0
    let duplicates = 0
    for (const [index, event] of events.entries()) {
      const category = categories.find((c) => c.id === event.categoryId)
      if (!category) throw new AppError(400, 'CATEGORY_NOT_FOUND', { fields: [{ field: `body.events.${index}.categoryId`, issue: 'not a queue category of this hall' }] })
      const at = eventTime(event, index, now)
      const seq = seqOf(event.number, index)
      if (!(await repo.claimIntegrationEvent(trx, hallId, event.eventId, nowIso))) {
        duplicates += 1
        continue
      }
      applied += 1
      const day = shanghaiTime(at).date
      const atIso = at.toISOString()
      let ticket = await repo.findTicketBySeq(trx, hallId, category.id, day, seq)
      if (!ticket) {
        // A machine's event may arrive before (or without) its "issued": the number is known from then on.
        await repo.raiseSeqTo(trx, hallId, category.id, day, seq)
        ticket = {
          id: newId(),
          hall_id: hallId,
          category_id: category.id,
          series: category.id,
          number: event.number,
          seq,
          issue_order: version,
          day,
          status: 'waiting',
          priority: category.priority,
          source: 'integration',
          user_id: null,
          appointment_id: null,
          window: null,
          issued_at: atIso,
          called_at: null,
          finished_at: null,
          near_reminded_at: null,
        }
        await repo.insertTicket(trx, ticket)
      }
      touched.add(ticket.id)
      if (event.type === 'called') {
        const moved = await repo.moveTicket(trx, ticket.id, ['waiting', 'called', 'serving'], { status: 'called', window: event.window ?? null, called_at: atIso })
        // A ticket taken in the app (an appointment's) and called by the hall's own machine still reaches its holder.
        if (moved && ticket.user_id) {
          hallName ??= (await repo.findHall(trx, hallId))?.name ?? ''
          called.push(ticket.id)
          await enqueueCalled(trx, now, { ...ticket, window: event.window ?? null }, hallName, version)
        }
      } else if (event.type === 'completed') {
        if (await repo.moveTicket(trx, ticket.id, ['waiting', 'called', 'serving'], { status: 'done', finished_at: atIso, called_at: ticket.called_at ?? atIso })) {
          await finishAppointmentOf(trx, ticket)
        }
      } else if (event.type === 'skipped') {
        await repo.moveTicket(trx, ticket.id, ['waiting', 'called', 'serving'], { status: 'skipped', finished_at: atIso })
      }
    }
    if (applied === 0) throw new NothingApplied(duplicates)
    return { applied, duplicates, version, touched: [...touched], called }
  }).catch((error: unknown) => {
    if (error instanceof NothingApplied) return { applied: 0, duplicates: error.duplicates, version: null, touched: [], called: [] }
    throw error
  })
  if (result.version !== null) await announceQueueChange(deps, { hallId, version: result.version, ticketIds: result.touched, calledTicketIds: result.called })
  return { applied: result.applied, duplicates: result.duplicates }
}

/** Rolls back a batch that changed nothing, so its version bump does not announce a change that did not happen. */
class NothingApplied extends Error {
  constructor(readonly duplicates: number) {
    super('nothing applied')
  }
}

import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { WaitlistEntry, WaitlistJoinBody } from '../../../src/domain/contract'
import { bookingDays, isBookableAt, WAITLIST_HOLD_MIN } from '../../../src/domain/appointments'
import type { Database } from '../../db/schema'
import { isUniqueViolation } from '../../db/errors'
import { AppError } from '../../errors'
import type { Principal } from '../../http/access'
import { bookableItem } from './bookable'
import { checkedPerson, ensureNotSuspended, type AppointmentDeps } from './people'
import * as repo from './repo'
import { waitlistView } from './view'
import { enqueueWaitlistOffer } from './notices'

const MINUTE_MS = 60 * 1000

/**
 * Offers a place of `slot` to the first person waiting for its day, holding it for them; the hold is already
 * counted in the slot (held) by the caller. Returns false when nobody waits.
 */
async function offerToNext(trx: Kysely<Database>, slot: repo.SlotRow, now: Date): Promise<boolean> {
  for (;;) {
    const next = await repo.firstWaiting(trx, slot.hall_id, slot.scope, slot.day)
    if (!next) return false
    const expiresAt = new Date(Math.min(now.getTime() + WAITLIST_HOLD_MIN * MINUTE_MS, Date.parse(slot.starts_at)))
    const offered = await repo.updateWaitlistFrom(trx, next.id, 'waiting', {
      status: 'offered',
      offer_slot_id: slot.id,
      offer_expires_at: expiresAt.toISOString(),
    })
    if (!offered) continue // left at this very moment: the next one
    await repo.insertNotice(trx, {
      id: randomUUID(),
      user_id: next.user_id,
      kind: 'waitlist_offer',
      appointment_id: null,
      waitlist_id: next.id,
      detail: JSON.stringify({ hallId: slot.hall_id, itemCode: next.item_code, slotId: slot.id, startsAt: slot.starts_at, expiresAt: expiresAt.toISOString() }),
      created_at: now.toISOString(),
    })
    await enqueueWaitlistOffer(trx, now, next, slot, (await repo.findHall(trx, slot.hall_id))?.name ?? '', expiresAt)
    return true
  }
}

/**
 * A booked place given back (cancel, reschedule): first to the waitlist of its day as a time-limited hold, and
 * only when nobody waits (or the slot has begun) back to open booking.
 */
export async function releasePlace(trx: Kysely<Database>, slotId: string, now: Date): Promise<void> {
  const slot = await trx.selectFrom('slots').selectAll().where('id', '=', slotId).executeTakeFirst()
  if (!slot) return
  if (isBookableAt(new Date(slot.starts_at), now) && (await offerToNext(trx, slot, now))) {
    await repo.releasePlace(trx, slot.id, true)
    return
  }
  await repo.releasePlace(trx, slot.id, false)
}

/** A hold that ended unused (expired, or its person left): on to the next person, else open to everyone. */
async function passHoldOn(trx: Kysely<Database>, slotId: string, now: Date): Promise<void> {
  const slot = await trx.selectFrom('slots').selectAll().where('id', '=', slotId).executeTakeFirst()
  if (!slot) return
  if (isBookableAt(new Date(slot.starts_at), now) && (await offerToNext(trx, slot, now))) return
  await repo.dropHold(trx, slot.id)
}

/** Ends every offer past its time; returns how many ended. The job runs this every minute. */
export async function expireOffers(db: Kysely<Database>, now: Date): Promise<number> {
  const due = await repo.expiredOffers(db, now.toISOString())
  let expired = 0
  for (const entry of due) {
    await db.transaction().execute(async (trx) => {
      if (!(await repo.updateWaitlistFrom(trx, entry.id, 'offered', { status: 'expired', active_day: null }))) return
      expired += 1
      await repo.insertNotice(trx, {
        id: randomUUID(),
        user_id: entry.user_id,
        kind: 'waitlist_expired',
        appointment_id: null,
        waitlist_id: entry.id,
        detail: JSON.stringify({ hallId: entry.hall_id, itemCode: entry.item_code, slotId: entry.offer_slot_id }),
        created_at: now.toISOString(),
      })
      if (entry.offer_slot_id) await passHoldOn(trx, entry.offer_slot_id, now)
    })
  }
  return expired
}

async function entryView(db: Kysely<Database>, row: repo.WaitlistRow): Promise<WaitlistEntry> {
  const [hall, position, slot] = await Promise.all([
    repo.findHall(db, row.hall_id),
    row.status === 'waiting' ? repo.waitingAhead(db, row) : Promise.resolve(0),
    row.offer_slot_id ? db.selectFrom('slots').select('starts_at').where('id', '=', row.offer_slot_id).executeTakeFirst() : Promise.resolve(undefined),
  ])
  return waitlistView(row, hall?.name ?? '', position, slot?.starts_at ?? null)
}

/** Joins the waitlist of a day on which every slot for the item is taken. */
export async function joinWaitlist(
  deps: AppointmentDeps,
  trx: Kysely<Database>,
  principal: Principal,
  body: WaitlistJoinBody,
): Promise<WaitlistEntry> {
  const now = deps.clock.now()
  const person = checkedPerson(deps, body, now)
  const hall = await repo.findHall(trx, body.hallId)
  if (!hall) throw new AppError(404, 'HALL_NOT_FOUND')
  const bookable = await bookableItem(trx, body.hallId, body.itemCode)
  const closed = await repo.closedDays(trx, hall.id, body.date)
  if (!bookingDays(JSON.parse(hall.hours), now, closed).includes(body.date)) {
    throw new AppError(400, 'VALIDATION_FAILED', { fields: [{ field: 'body.date', issue: 'not a day this hall can be booked' }] })
  }
  await ensureNotSuspended(trx, principal.userId, now)
  const slots = (await repo.slotsOfDay(trx, hall.id, bookable.scope, body.date)).filter((slot) => isBookableAt(new Date(slot.starts_at), now))
  if (slots.length === 0) throw new AppError(409, 'NOT_BOOKABLE')
  if (slots.some((slot) => slot.booked + slot.held < slot.capacity)) throw new AppError(409, 'DAY_NOT_FULL')
  const booked = await trx
    .selectFrom('appointments')
    .select('id')
    .where('user_id', '=', principal.userId)
    .where('item_code', '=', body.itemCode)
    .where('active_day', '=', body.date)
    .executeTakeFirst()
  if (booked) throw new AppError(409, 'DUPLICATE_BOOKING')

  const row: Omit<repo.WaitlistRow, 'seq'> = {
    id: randomUUID(),
    user_id: principal.userId,
    hall_id: hall.id,
    scope: bookable.scope,
    item_code: bookable.itemCode,
    item_name: bookable.itemName,
    day: body.date,
    ...person.sealed,
    status: 'waiting',
    active_day: body.date,
    offer_slot_id: null,
    offer_expires_at: null,
    created_at: now.toISOString(),
  }
  try {
    await repo.insertWaitlistEntry(trx, row)
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'WAITLIST_EXISTS')
    throw error
  }
  const inserted = await repo.waitlistEntryOf(trx, row.id, principal.userId)
  return entryView(trx, inserted!)
}

export async function myWaitlist(deps: AppointmentDeps, principal: Principal): Promise<WaitlistEntry[]> {
  const rows = await repo.waitlistOf(deps.db, principal.userId)
  return Promise.all(rows.map((row) => entryView(deps.db, row)))
}

/** Leaves the waitlist; a place held for this person goes on to the next one. Leaving twice answers the same. */
export async function leaveWaitlist(deps: AppointmentDeps, principal: Principal, id: string): Promise<WaitlistEntry> {
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    const entry = await repo.waitlistEntryOf(trx, id, principal.userId)
    if (!entry) throw new AppError(404, 'WAITLIST_NOT_FOUND')
    if (entry.status === 'waiting' || entry.status === 'offered') {
      if (await repo.updateWaitlistFrom(trx, entry.id, entry.status, { status: 'left', active_day: null })) {
        if (entry.status === 'offered' && entry.offer_slot_id) await passHoldOn(trx, entry.offer_slot_id, now)
      }
    }
    return entryView(trx, (await repo.waitlistEntryOf(trx, id, principal.userId))!)
  })
}

import type { Kysely } from 'kysely'
import type { CheckInBody, CheckInResult } from '../../../src/domain/contract'
import { checkInTiming, checkInWindow, hallIdOfCheckInCode, NEARBY_METERS, shanghaiIso } from '../../../src/domain/appointments'
import { distanceMeters } from '../../../src/domain/geo'
import type { Database } from '../../db/schema'
import { AppError } from '../../errors'
import type { Principal } from '../../http/access'
import type { AppointmentDeps } from './people'
import * as repo from './repo'
import { withdrawReminders } from './notices'
import { ensureBooked, mine, viewOf } from './service'

/** The caller is at the appointment's hall: its posted QR code scanned, or a position within 500 m. */
async function ensureAtHall(db: Kysely<Database>, row: repo.AppointmentRow, body: CheckInBody): Promise<void> {
  if (body.method === 'scan') {
    if (hallIdOfCheckInCode(body.hallCode) !== row.hall_id) throw new AppError(400, 'HALL_CODE_INVALID')
    return
  }
  const hall = await repo.findHall(db, row.hall_id)
  if (!hall || distanceMeters({ lat: body.lat, lng: body.lng }, { lat: hall.lat, lng: hall.lng }) > NEARBY_METERS) {
    throw new AppError(409, 'NOT_AT_HALL', { nearbyMeters: NEARBY_METERS })
  }
}

/**
 * Checks in from 30 minutes before to 15 after the start (30 after when running late was said): the appointment
 * becomes checked_in and, when the queue is wired in, gets a priority ticket in the same transaction.
 */
export async function checkIn(deps: AppointmentDeps, principal: Principal, id: string, body: CheckInBody): Promise<CheckInResult> {
  const now = deps.clock.now()
  const { result, announce } = await deps.db.transaction().execute(async (trx) => {
    const row = await mine(trx, principal, id)
    // Marked a no-show already: the citizen missed the window, and that is what they should read.
    if (row.status === 'no_show') throw new AppError(409, 'CHECK_IN_TOO_LATE')
    ensureBooked(row)
    await ensureAtHall(trx, row, body)
    const startsAt = new Date(row.starts_at)
    const timing = checkInTiming(startsAt, row.running_late === 1, now)
    if (timing === 'too_early') {
      throw new AppError(409, 'CHECK_IN_TOO_EARLY', { opensAt: shanghaiIso(checkInWindow(startsAt, row.running_late === 1).opens) })
    }
    if (timing === 'too_late') throw new AppError(409, 'CHECK_IN_TOO_LATE')
    const checkedIn = { status: 'checked_in', checked_in_at: now.toISOString() }
    if (!(await repo.updateAppointmentFrom(trx, row.id, 'booked', checkedIn))) throw new AppError(409, 'APPOINTMENT_NOT_ACTIVE')
    await withdrawReminders(trx, row, 'checked in')
    const issued = deps.tickets
      ? await deps.tickets.issueFor(trx, {
          appointment: { id: row.id, userId: row.user_id, hallId: row.hall_id, categoryId: row.category_id, itemCode: row.item_code, startsAt: row.starts_at },
          priority: true,
        })
      : null
    if (issued) await trx.updateTable('appointments').set({ ticket_id: issued.ticket.id }).where('id', '=', row.id).execute()
    const appointment = await viewOf(deps, trx, { ...row, ...checkedIn, ticket_id: issued?.ticket.id ?? null })
    return { result: { appointment, ticket: issued?.ticket ?? null }, announce: issued?.announce ?? null }
  })
  // Only once committed: a ticket announced from a transaction that then failed would be a ghost on the screens.
  announce?.()
  return result
}

/**
 * The queue calls this when the appointment's ticket is completed at a window: the appointment is done. Only a
 * checked-in appointment moves; returns whether it did.
 */
export function completeAppointment(db: Kysely<Database>, appointmentId: string): Promise<boolean> {
  return repo.updateAppointmentFrom(db, appointmentId, 'checked_in', { status: 'done' })
}

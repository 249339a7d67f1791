import type { CheckInTickets } from '../appointments/checkInTickets'
import { announceQueueChange, freshTicketView, issueTicket, type QueueDeps } from './service'
import * as repo from './repo'

/**
 * Appointment check-in through the live queue: a priority ticket of the appointment's category, drawn from the same
 * counter as kiosk and app numbers inside the check-in transaction, announced to subscribers after the commit. A hall
 * without that queue category gives no ticket (the arrival is still recorded).
 */
export function queueCheckInTickets(deps: QueueDeps): CheckInTickets {
  return {
    async issueFor(trx, { appointment }) {
      if (!(await repo.findCategory(trx, appointment.hallId, appointment.categoryId))) return null
      const now = deps.clock.now()
      const issued = await issueTicket(trx, {
        hallId: appointment.hallId,
        categoryId: appointment.categoryId,
        userId: appointment.userId,
        source: 'appointment',
        priority: true,
        appointmentId: appointment.id,
        now,
      })
      const ticket = await freshTicketView(trx, issued.ticket, now)
      return {
        ticket,
        announce: () => {
          announceQueueChange(deps, issued.change).catch((error) => deps.log.warn({ err: error }, 'announcing a check-in ticket failed'))
        },
      }
    },
  }
}

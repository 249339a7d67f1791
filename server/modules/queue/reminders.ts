import type { FastifyBaseLogger } from 'fastify'
import type { Ticket } from '../../../src/domain/contract'

/** How many people ahead the "your turn is near" reminder fires at (排号提醒). */
export const NEAR_TURN_AHEAD = 3

/**
 * Where reminders go out of the app (WeChat subscription messages, SMS): a later notifications issue plugs in here.
 * Inside the app the live socket already carries every change, and the client shows its own banner.
 * Each reminder is sent once per ticket across all API nodes; a failing hook is logged and never fails the change.
 */
export interface QueueReminderHook {
  /** The ticket now has NEAR_TURN_AHEAD (or fewer) people ahead. */
  nearTurn(ticket: Ticket, userId: string): Promise<void> | void
  /** The ticket was called (or called again) to `ticket.window`. */
  called(ticket: Ticket, userId: string): Promise<void> | void
}

export function loggingReminders(log: FastifyBaseLogger): QueueReminderHook {
  return {
    nearTurn: (ticket) => log.debug({ ticketId: ticket.id, hallId: ticket.hallId, ahead: ticket.ahead }, 'queue reminder: turn is near'),
    called: (ticket) => log.debug({ ticketId: ticket.id, hallId: ticket.hallId, window: ticket.window }, 'queue reminder: called'),
  }
}

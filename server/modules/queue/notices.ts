// The queue's reminders outside the app, written to the notification outbox in the transaction of the change.
import type { Kysely } from 'kysely'
import { endOfShanghaiDay } from '../../../src/domain/quietHours'
import type { Database } from '../../db/schema'
import { enqueueNotice } from '../notify/outbox'
import type * as repo from './repo'

const CALL_STALE_MS = 30 * 60 * 1000

export const ticketPagePath = (ticketId: string) => `pages/ticket/index?id=${encodeURIComponent(ticketId)}`

type CalledTicket = Pick<repo.TicketRow, 'id' | 'user_id' | 'number' | 'window'>

/**
 * "Please go to window N". Keyed by the hall version of the call, so each call and recall is one message. A call
 * nobody read within half an hour is not worth sending any more.
 */
export function enqueueCalled(trx: Kysely<Database>, now: Date, ticket: CalledTicket, hallName: string, callVersion: number): Promise<boolean> {
  if (!ticket.user_id) return Promise.resolve(false)
  return enqueueNotice(trx, now, {
    dedupKey: `queue_called:${ticket.id}:${callVersion}`,
    kind: 'queue_called',
    userId: ticket.user_id,
    params: { path: ticketPagePath(ticket.id), hallName, ticketNumber: ticket.number, ...(ticket.window ? { window: String(ticket.window) } : {}) },
    expiresAt: new Date(now.getTime() + CALL_STALE_MS).toISOString(),
  })
}

/** "3 ahead": once per ticket; the insert is the claim, so of several nodes seeing the same change one enqueues it. */
export function enqueueNearTurn(trx: Kysely<Database>, now: Date, ticket: CalledTicket, hallName: string, ahead: number): Promise<boolean> {
  if (!ticket.user_id) return Promise.resolve(false)
  return enqueueNotice(trx, now, {
    dedupKey: `queue_near:${ticket.id}`,
    kind: 'queue_near',
    userId: ticket.user_id,
    params: { path: ticketPagePath(ticket.id), hallName, ticketNumber: ticket.number, ahead },
    expiresAt: endOfShanghaiDay(now).toISOString(),
  })
}

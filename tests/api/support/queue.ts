import type { FastifyInstance } from 'fastify'
import type { Session, Ticket } from '@/domain/contract'
import { bearer } from './signIn'

/** Takes a number through the API; throws unless it was issued. */
export async function takeTicket(app: FastifyInstance, session: Session, hallId = 'lh-district', categoryId = 'A', headers: Record<string, string> = {}): Promise<Ticket> {
  const res = await app.inject({ method: 'POST', url: `/api/v1/halls/${hallId}/tickets`, headers: { ...bearer(session), ...headers }, payload: { categoryId } })
  if (res.statusCode !== 201) throw new Error(`ticket not issued: ${res.statusCode} ${res.body}`)
  return res.json()
}

export function callNextAt(app: FastifyInstance, session: Session, hallId: string, windowNo: number, body: object = {}) {
  return app.inject({ method: 'POST', url: `/api/v1/staff/halls/${hallId}/windows/${windowNo}/call-next`, headers: bearer(session), payload: body })
}

export function staffAction(app: FastifyInstance, session: Session, ticketId: string, action: string, body?: object) {
  return app.inject({ method: 'POST', url: `/api/v1/staff/tickets/${ticketId}/${action}`, headers: bearer(session), ...(body ? { payload: body } : {}) })
}

/** A number from the hall's kiosk (no holder), optionally already called to window 1; straight through the service. */
export async function kioskTicket(app: FastifyInstance, hallId = 'lh-district', called = false): Promise<string> {
  const { issueTicket, announceQueueChange } = await import('../../../server/modules/queue/service')
  const issued = await issueTicket(app.db, { hallId, categoryId: 'A', userId: null, source: 'kiosk', now: app.clock.now() })
  if (called) {
    await app.db.updateTable('tickets').set({ status: 'called', window: 1, called_at: app.clock.now().toISOString() }).where('id', '=', issued.ticket.id).execute()
  }
  await announceQueueChange(app.queue, issued.change)
  return issued.ticket.id
}

/** The holder's waiting ticket at a hall, taking one when there is none. */
export async function waitingTicketOf(app: FastifyInstance, session: Session, hallId: string): Promise<string> {
  const row = await app.db
    .selectFrom('tickets')
    .select('id')
    .where('user_id', '=', session.user.id)
    .where('hall_id', '=', hallId)
    .where('status', '=', 'waiting')
    .executeTakeFirst()
  return row?.id ?? (await takeTicket(app, session, hallId)).id
}

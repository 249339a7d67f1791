import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { completeAppointment } from '../appointments/checkIn'

/** A served appointment ticket finishes its appointment too (checked_in → done), in the same transaction. */
export async function finishAppointmentOf(trx: Kysely<Database>, ticket: { appointment_id: string | null }): Promise<void> {
  if (ticket.appointment_id) await completeAppointment(trx, ticket.appointment_id)
}

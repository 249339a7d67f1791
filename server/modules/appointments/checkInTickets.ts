import type { Kysely } from 'kysely'
import type { Ticket } from '../../../src/domain/contract'
import type { Database } from '../../db/schema'

/** What the queue needs to know to give an arriving appointment its ticket. */
export interface CheckedInAppointment {
  id: string
  userId: string
  hallId: string
  /** The queue category the item is served in at this hall. */
  categoryId: string
  itemCode: string
  startsAt: string
}

/**
 * The seam to the live queue: check-in asks it for a priority ticket inside the check-in transaction, so the
 * appointment and its ticket are written together or not at all. `announce` runs after the commit (live fan-out).
 * Returning null means no ticket could be issued (no queue for the hall): the check-in still counts.
 */
export interface CheckInTickets {
  issueFor(
    trx: Kysely<Database>,
    request: { appointment: CheckedInAppointment; priority: true },
  ): Promise<{ ticket: Ticket; announce(): void } | null>
}

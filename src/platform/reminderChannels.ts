import type { Ticket } from '../domain/contract/queue'
import type { TicketReminder } from '../domain/ticketReminder'
import { vibrateLong } from './vibrate'

/** A way to reach the person besides the open page: subscription messages (weapp) or Web Push (H5), later. */
export type ReminderChannel = (reminder: TicketReminder, ticket: Ticket) => void

const channels = new Set<ReminderChannel>()

/**
 * The seam for notifications outside the app (a later issue): register a channel here and every reminder the
 * ticket page raises reaches it too. Returns the function that removes it.
 */
export function addReminderChannel(channel: ReminderChannel): () => void {
  channels.add(channel)
  return () => channels.delete(channel)
}

/** The phone buzzes (the banner on screen is the page's part), then every registered channel gets it. */
export function deliverReminder(reminder: TicketReminder, ticket: Ticket): void {
  vibrateLong()
  channels.forEach((channel) => channel(reminder, ticket))
}

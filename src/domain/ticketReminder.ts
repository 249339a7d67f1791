import type { Ticket } from './contract/queue'

/** "Come back now" fires when this many or fewer are ahead: about the time it takes to walk back in from nearby. */
export const NEAR_AHEAD = 3

export type TicketReminder = { kind: 'near'; ahead: number } | { kind: 'called'; window: number | null }

/**
 * What to remind the ticket's owner of, given how the ticket looked before this update (null: first sight).
 * Each reminder fires once per crossing: reaching 3 ahead, being called, and again when the window calls again
 * (recall) or when a transfer puts the ticket back into a queue that later gets near.
 */
export function reminderBetween(previous: Ticket | null, next: Ticket): TicketReminder | null {
  if (next.status === 'called') {
    const calledAgain = previous?.status === 'called' && previous.calledAt !== next.calledAt
    return previous?.status !== 'called' || calledAgain ? { kind: 'called', window: next.window } : null
  }
  if (next.status !== 'waiting' || next.ahead > NEAR_AHEAD) return null
  const wasNear = previous !== null && previous.status === 'waiting' && previous.ahead <= NEAR_AHEAD && previous.categoryId === next.categoryId
  return wasNear ? null : { kind: 'near', ahead: next.ahead }
}

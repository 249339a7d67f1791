// Who a window calls next (叫号顺序). Pure: the server, the simulator and the simulation test all use this one rule.

export interface OrderedTicket {
  id: string
  categoryId: string
  /** Priority category (V) or an appointment: called before every ordinary ticket. */
  priority: boolean
  /** Milliseconds since the epoch; a transferred ticket keeps its first issue time, so it is not sent to the back. */
  issuedAt: number
  /** Issue order within the hall (across categories): breaks ties between tickets issued in the same millisecond. */
  seq: number
}

/** Negative when `a` is called before `b`: priority first, then first come first served across categories. */
export function compareCallOrder(a: OrderedTicket, b: OrderedTicket): number {
  if (a.priority !== b.priority) return a.priority ? -1 : 1
  if (a.issuedAt !== b.issuedAt) return a.issuedAt - b.issuedAt
  if (a.seq !== b.seq) return a.seq - b.seq
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Waiting tickets in the order they will be called; the input is left as it is. */
export function callOrder<T extends OrderedTicket>(waiting: readonly T[]): T[] {
  return [...waiting].sort(compareCallOrder)
}

/** The next ticket for a window serving `categories` (null: every category), or null when nobody it serves waits. */
export function nextToCall<T extends OrderedTicket>(waiting: readonly T[], categories: ReadonlySet<string> | null): T | null {
  let best: T | null = null
  for (const ticket of waiting) {
    if (categories && !categories.has(ticket.categoryId)) continue
    if (!best || compareCallOrder(ticket, best) < 0) best = ticket
  }
  return best
}

/**
 * People who will be called before `ticket`: the waiting tickets that come first in call order and share a window
 * with its category (`sharesWindow(a, b)`: some open window serves both categories).
 */
export function aheadOf<T extends OrderedTicket>(
  ticket: OrderedTicket,
  waiting: readonly T[],
  sharesWindow: (categoryA: string, categoryB: string) => boolean = () => true,
): number {
  let ahead = 0
  for (const other of waiting) {
    if (other.id === ticket.id) continue
    if (other.categoryId !== ticket.categoryId && !sharesWindow(ticket.categoryId, other.categoryId)) continue
    if (compareCallOrder(other, ticket) < 0) ahead += 1
  }
  return ahead
}

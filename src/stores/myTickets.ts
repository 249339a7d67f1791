import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { Ticket } from '@/domain/contract'
import { ACTIVE_TICKET_STATUSES } from '@/domain/ticketStatus'
import { deviceStorage } from '@/platform/storage'
import { fetchMyTickets } from '@/api/queue'

/** What 我的 and a hall page need to lead back to a ticket; the ticket itself always comes from the server. */
export interface HeldTicket {
  id: string
  number: string
  hallId: string
  hallName: string
  /** Shanghai date it was taken: numbers are per day, yesterday's are no use today. */
  day: string
}

interface MyTicketsState {
  /** One per hall at most (the server's rule), newest first. */
  tickets: HeldTicket[]
  /** Keeps an active ticket, forgets one that is over. */
  track(ticket: Ticket): void
  forget(id: string): void
  /** Takes the server's list as the truth: a number taken on another phone appears, one that ended goes. */
  adopt(tickets: Ticket[]): void
}

const isActive = (ticket: Ticket) => (ACTIVE_TICKET_STATUSES as readonly string[]).includes(ticket.status)
const shanghaiDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10)
const heldOf = (ticket: Ticket): HeldTicket => ({
  id: ticket.id,
  number: ticket.number,
  hallId: ticket.hallId,
  hallName: ticket.hallName,
  day: shanghaiDay(ticket.issuedAt),
})

/** The signed-in person's active queue numbers on this device, so they can find them again after closing the app. */
export const useMyTicketsStore = create<MyTicketsState>()(
  persist(
    (set) => ({
      tickets: [],
      track: (ticket) =>
        set((state) => {
          const others = state.tickets.filter((held) => held.id !== ticket.id && held.hallId !== ticket.hallId)
          if (!isActive(ticket)) return { tickets: state.tickets.filter((held) => held.id !== ticket.id) }
          return { tickets: [heldOf(ticket), ...others] }
        }),
      forget: (id) => set((state) => ({ tickets: state.tickets.filter((held) => held.id !== id) })),
      adopt: (tickets) => set({ tickets: tickets.filter(isActive).map(heldOf) }),
    }),
    {
      name: 'banshi.myTickets',
      version: 1,
      storage: createJSONStorage(() => deviceStorage),
      partialize: (state) => ({ tickets: state.tickets }),
    },
  ),
)

/** Today's tickets only: a number from another day is void whatever the device remembers. */
export function useHeldTickets(today = shanghaiDay(new Date().toISOString())): HeldTicket[] {
  const tickets = useMyTicketsStore((state) => state.tickets)
  return tickets.filter((held) => held.day === today)
}

/** Asks the server which numbers the person holds; without a network the device's memory stands. */
export async function refreshHeldTickets(): Promise<void> {
  try {
    useMyTicketsStore.getState().adopt(await fetchMyTickets())
  } catch {
    // Offline or signed out meanwhile: what the device remembers is still the best guess.
  }
}

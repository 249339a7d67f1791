import { fetchQueueSnapshot, takeTicket } from '@/api/queue'
import { createLiveFeed } from '@/api/live'
import { useSessionStore } from '@/stores/session'
import type { QueueSnapshot, Ticket } from '@/domain/contract'
import { callNext } from '@/api/queue'

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10))
  expect(check()).toBe(true)
}

describe('queue client against the mock API', () => {
  it('answers an unchanged snapshot with 304 when the ETag is sent back', async () => {
    const first = await fetchQueueSnapshot('lh-district')
    if (!first.changed) throw new Error('expected a snapshot')
    expect(first.etag).toBe(`"v${first.snapshot.version}"`)
    expect(await fetchQueueSnapshot('lh-district', first.etag)).toEqual({ changed: false })
  })

  it('follows a hall and a ticket over the live socket', async () => {
    await useSessionStore.getState().signInAsStaff('window1', 'banshi-demo')
    const ticket = await takeTicket('lh-district', 'A', 'key-1')
    const snapshots: QueueSnapshot[] = []
    const tickets: Ticket[] = []
    const hallFeed = createLiveFeed({ hall: 'lh-district' }, { onSnapshot: (s) => snapshots.push(s) })
    const ticketFeed = createLiveFeed({ ticket: ticket.id }, { onTicket: (t) => tickets.push(t) })
    hallFeed.start()
    ticketFeed.start()
    await waitFor(() => snapshots.length === 1 && tickets.length === 1)
    expect(tickets[0].ahead).toBe(6)
    await callNext('lh-district', 3, ['A'])
    await waitFor(() => snapshots.length === 2 && tickets.length === 2)
    expect(tickets[1].ahead).toBe(5)
    expect(snapshots[1].version).toBeGreaterThan(snapshots[0].version)
    hallFeed.stop()
    ticketFeed.stop()
  })
})

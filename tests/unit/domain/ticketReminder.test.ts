import type { Ticket } from '@/domain/contract'
import { reminderBetween } from '@/domain/ticketReminder'

const ticket = (ahead: number, status: Ticket['status'] = 'waiting', extra: Partial<Ticket> = {}): Ticket => ({
  id: 't1', number: 'A010', hallId: 'h', hallName: 'h', categoryId: 'A', categoryName: 'A', status, priority: false, source: 'app',
  ahead, estimatedWaitMin: 0, estimatedWaitHighMin: 0, window: status === 'called' ? 4 : null, issuedAt: '2026-11-25T09:00:00+08:00',
  calledAt: status === 'called' ? '2026-11-25T10:00:00+08:00' : null, finishedAt: null, appointmentId: null, ...extra,
})

describe('ticket reminders', () => {
  it('reminds once when 3 or fewer are ahead, not again as the count keeps falling', () => {
    expect(reminderBetween(ticket(5), ticket(4))).toBeNull()
    expect(reminderBetween(ticket(4), ticket(3))).toEqual({ kind: 'near', ahead: 3 })
    expect(reminderBetween(ticket(3), ticket(2))).toBeNull()
    expect(reminderBetween(ticket(6), ticket(2))).toEqual({ kind: 'near', ahead: 2 })
  })

  it('reminds on first sight when already near', () => {
    expect(reminderBetween(null, ticket(1))).toEqual({ kind: 'near', ahead: 1 })
    expect(reminderBetween(null, ticket(9))).toBeNull()
  })

  it('reminds when called, with the window, and again when the window calls again', () => {
    expect(reminderBetween(ticket(0), ticket(0, 'called'))).toEqual({ kind: 'called', window: 4 })
    expect(reminderBetween(ticket(0, 'called'), ticket(0, 'called'))).toBeNull()
    expect(reminderBetween(ticket(0, 'called'), ticket(0, 'called', { calledAt: '2026-11-25T10:03:00+08:00' }))).toEqual({ kind: 'called', window: 4 })
  })

  it('reminds again after a transfer brings the ticket near in its new queue', () => {
    expect(reminderBetween(ticket(1), ticket(2, 'waiting', { categoryId: 'B' }))).toEqual({ kind: 'near', ahead: 2 })
  })

  it('says nothing about finished tickets', () => {
    for (const status of ['done', 'skipped', 'cancelled'] as const) expect(reminderBetween(ticket(0, 'called'), ticket(0, status))).toBeNull()
  })
})

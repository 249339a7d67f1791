import { aheadOf, callOrder, compareCallOrder, nextToCall, type OrderedTicket } from '@/domain/queueOrder'

const ticket = (id: string, categoryId: string, issuedAt: number, priority = false, seq = issuedAt): OrderedTicket => ({
  id,
  categoryId,
  issuedAt,
  priority,
  seq,
})

describe('queue call order', () => {
  const a1 = ticket('a1', 'A', 1)
  const b2 = ticket('b2', 'B', 2)
  const a3 = ticket('a3', 'A', 3)
  const v4 = ticket('v4', 'V', 4, true)
  const appointment5 = ticket('p5', 'A', 5, true)

  it('calls priority tickets (V and appointments) first, in their own arrival order, then everyone first come first served', () => {
    expect(callOrder([a3, appointment5, b2, v4, a1]).map((t) => t.id)).toEqual(['v4', 'p5', 'a1', 'b2', 'a3'])
  })

  it('breaks a tie in issue time by sequence number, then by id, so the order is total', () => {
    expect(compareCallOrder(ticket('x', 'A', 1, false, 1), ticket('y', 'A', 1, false, 2))).toBeLessThan(0)
    expect(compareCallOrder(ticket('x', 'A', 1, false, 1), ticket('y', 'A', 1, false, 1))).toBeLessThan(0)
    expect(compareCallOrder(ticket('x', 'A', 1), ticket('x', 'A', 1))).toBe(0)
  })

  it('gives a window only the categories it serves; null serves all', () => {
    expect(nextToCall([a1, b2, v4], new Set(['B']))?.id).toBe('b2')
    expect(nextToCall([a1, b2, v4], new Set(['A', 'B']))?.id).toBe('a1')
    expect(nextToCall([a1, b2, v4], null)?.id).toBe('v4')
    expect(nextToCall([a1, b2], new Set(['C']))).toBeNull()
    expect(nextToCall([], null)).toBeNull()
  })

  it('counts who is ahead: earlier tickets of categories sharing a window, and every priority ticket before them', () => {
    const waiting = [a1, b2, a3, v4]
    expect(aheadOf(a1, waiting)).toBe(1) // v4 jumps ahead
    expect(aheadOf(a3, waiting)).toBe(3)
    expect(aheadOf(v4, waiting)).toBe(0)
    // B has windows of its own: its tickets do not hold A up.
    const shares = (x: string, y: string) => !(x === 'B' || y === 'B')
    expect(aheadOf(a3, waiting, shares)).toBe(2)
    expect(aheadOf(b2, waiting, shares)).toBe(0)
  })

  it('does not change the input list', () => {
    const waiting = [a3, a1]
    callOrder(waiting)
    expect(waiting.map((t) => t.id)).toEqual(['a3', 'a1'])
  })
})

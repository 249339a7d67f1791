import type { Hall } from '@/domain/contract'
import { recommendHall, travelMinutes } from '@/domain/hallChoice'
import { waitRange } from '@/domain/waitRange'
import { breaksBetween } from '@/domain/hallDay'

const hall = (id: string, distanceM: number | null, waitMin: number | null, openNow = true): Hall => ({
  id, name: id, level: 'street', parent: null, address: '', lat: 22.6, lng: 114, phone: '', distanceM, openNow,
  hoursToday: [], selfService24h: false, queue: waitMin === null ? null : { waiting: waitMin, estimatedWaitMin: waitMin, estimatedWaitHighMin: waitMin * 2 },
})

describe('travel time from distance', () => {
  it('walks short distances and rides longer ones, with time to get going', () => {
    expect(travelMinutes(0)).toBe(0)
    expect(travelMinutes(750)).toBe(10)
    expect(travelMinutes(1500)).toBe(20)
    expect(travelMinutes(7000)).toBe(30)
  })
})

describe('recommending a hall (shortest travel + wait)', () => {
  it('prefers a farther hall when the near one has a long queue', () => {
    const near = hall('near', 500, 60)
    const far = hall('far', 3500, 5)
    expect(recommendHall([near, far])?.hall.id).toBe('far')
    expect(recommendHall([near, far])).toMatchObject({ travelMin: 20, waitMin: 5, totalMin: 25 })
  })

  it('prefers the near hall when queues are alike', () => {
    expect(recommendHall([hall('far', 5000, 10), hall('near', 600, 12)])?.hall.id).toBe('near')
  })

  it('never recommends a closed hall, and recommends none when all are closed', () => {
    expect(recommendHall([hall('closed', 100, 0, false), hall('open', 4000, 30)])?.hall.id).toBe('open')
    expect(recommendHall([hall('a', 100, 0, false), hall('b', 200, 0, false)])).toBeNull()
  })

  it('goes by the wait alone without a position, and assumes a typical wait where no queue is published', () => {
    expect(recommendHall([hall('busy', null, 40), hall('quiet', null, 10)])?.hall.id).toBe('quiet')
    expect(recommendHall([hall('unknown', null, null), hall('known', null, 25)])?.hall.id).toBe('unknown')
    expect(recommendHall([hall('unknown', null, null), hall('known', null, 15)])?.hall.id).toBe('known')
  })

  it('breaks a tie in favour of the nearer hall', () => {
    expect(recommendHall([hall('farther', 1500, 0), hall('nearer', 750, 10)])?.hall.id).toBe('nearer')
  })
})

describe('the wait told to people', () => {
  it('is a range from P50 to P80, rounded to 5 minutes above a quarter hour', () => {
    expect(waitRange(15, 25)).toEqual({ kind: 'range', low: 15, high: 25 })
    expect(waitRange(17, 23)).toEqual({ kind: 'range', low: 15, high: 25 })
    expect(waitRange(3, 7)).toEqual({ kind: 'range', low: 3, high: 7 })
  })

  it('says "about" when both ends round alike, and no wait when there is none', () => {
    expect(waitRange(21, 22)).toEqual({ kind: 'about', minutes: 20 })
    expect(waitRange(0, 0)).toEqual({ kind: 'none' })
    expect(waitRange(0, 2)).toEqual({ kind: 'range', low: 1, high: 2 })
  })

  it('never shows a top below the bottom', () => {
    expect(waitRange(30, 10)).toEqual({ kind: 'about', minutes: 30 })
  })
})

describe('breaks in a day', () => {
  it('are the gaps between opening periods, whatever their order', () => {
    expect(breaksBetween([{ opens: '14:00', closes: '18:00' }, { opens: '09:00', closes: '12:00' }])).toEqual([{ opens: '12:00', closes: '14:00' }])
    expect(breaksBetween([{ opens: '09:00', closes: '18:00' }])).toEqual([])
    expect(breaksBetween([])).toEqual([])
  })
})

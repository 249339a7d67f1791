import {
  bookablePlaces,
  bookingDays,
  canCancelAt,
  canDeclareRunningLateAt,
  categoryForItem,
  checkInTiming,
  daySlots,
  hallCheckInCode,
  hallIdOfCheckInCode,
  isBookableAt,
  isNoShowAt,
  shanghaiInstant,
  shanghaiIso,
  suspendedUntil,
} from '@/domain/appointments'
import type { WeeklyHours } from '@/domain/contract'

const streetHall: WeeklyHours = { 'mon-fri': [['09:00', '12:00'], ['14:00', '18:00']], sat: [['09:00', '12:00']] }
const template = { slotMinutes: 30, places: 4, walkInPlaces: 1 }
// Times are written in Shanghai time; 2026-11-25 is a Wednesday.
const at = (local: string) => new Date(`${local}+08:00`)
const MIN = 60 * 1000
const DAY = 24 * 60 * MIN

describe('Shanghai times', () => {
  it('turns a local date and minute into the instant and back into ISO with +08:00', () => {
    expect(shanghaiInstant('2026-11-25', 9 * 60).toISOString()).toBe('2026-11-25T01:00:00.000Z')
    expect(shanghaiIso(new Date('2026-11-25T16:30:00Z'))).toBe('2026-11-26T00:30:00+08:00')
  })
})

describe('booking window', () => {
  it('offers today and the next 13 days on which the hall opens, minus closed days', () => {
    const days = bookingDays(streetHall, at('2026-11-25T20:00:00'))
    expect(days[0]).toBe('2026-11-25')
    expect(days.at(-1)).toBe('2026-12-08')
    expect(days).not.toContain('2026-11-29') // Sunday
    expect(days).toContain('2026-11-28') // Saturday morning
    expect(days).not.toContain('2026-12-09')
    expect(bookingDays(streetHall, at('2026-11-25T10:00:00'), ['2026-11-26'])).not.toContain('2026-11-26')
  })

  it('follows the holiday calendar: no days during 国庆节, the 调休 Saturday with weekday hours', () => {
    const days = bookingDays(streetHall, at('2026-09-28T08:00:00'))
    expect(days).not.toContain('2026-10-01')
    expect(days).not.toContain('2026-10-07')
    expect(days).toContain('2026-10-08')
    expect(daySlots(streetHall, '2026-10-10', template).length).toBe(14) // worked Saturday: Monday's hours
    expect(daySlots(streetHall, '2026-10-02', template)).toEqual([])
  })

  it('takes the day of the instant in Shanghai, not in UTC', () => {
    // 23:30 UTC on the 25th is already the 26th in Shanghai.
    expect(bookingDays(streetHall, new Date('2026-11-25T23:30:00Z'))[0]).toBe('2026-11-26')
  })
})

describe('slot generation', () => {
  it('cuts each opening period into whole slots and keeps the lunch break free', () => {
    const slots = daySlots(streetHall, '2026-11-25', template)
    expect(slots.length).toBe(6 + 8)
    expect(shanghaiIso(slots[0].startsAt)).toBe('2026-11-25T09:00:00+08:00')
    expect(shanghaiIso(slots[5].endsAt)).toBe('2026-11-25T12:00:00+08:00')
    expect(shanghaiIso(slots[6].startsAt)).toBe('2026-11-25T14:00:00+08:00')
    expect(shanghaiIso(slots.at(-1)!.endsAt)).toBe('2026-11-25T18:00:00+08:00')
  })

  it('never offers a part-slot at the end of a period', () => {
    const slots = daySlots({ 'mon-fri': [['09:00', '10:50']] }, '2026-11-25', { ...template, slotMinutes: 40 })
    expect(slots.map((slot) => shanghaiIso(slot.startsAt).slice(11, 16))).toEqual(['09:00', '09:40'])
  })

  it('has none on closed days, Sundays, or when every place is kept for walk-ins', () => {
    expect(daySlots(streetHall, '2026-11-29', template)).toEqual([])
    expect(daySlots(streetHall, '2026-11-25', template, ['2026-11-25'])).toEqual([])
    expect(daySlots(streetHall, '2026-11-25', { ...template, walkInPlaces: 4 })).toEqual([])
    expect(bookablePlaces({ ...template, walkInPlaces: 9 })).toBe(0)
    expect(bookablePlaces(template)).toBe(3)
    expect(daySlots(streetHall, '2026-11-25', { ...template, slotMinutes: 0 })).toEqual([])
  })
})

describe('time limits around a 10:00 slot', () => {
  const start = at('2026-11-25T10:00:00')

  it('books until the start', () => {
    expect(isBookableAt(start, new Date(start.getTime() - 1))).toBe(true)
    expect(isBookableAt(start, start)).toBe(false)
  })

  it('cancels until 09:30 inclusive', () => {
    expect(canCancelAt(start, at('2026-11-25T09:30:00'))).toBe(true)
    expect(canCancelAt(start, new Date(at('2026-11-25T09:30:00').getTime() + 1))).toBe(false)
  })

  it('checks in from 09:30 to 10:15, to 10:30 after saying "running late"', () => {
    expect(checkInTiming(start, false, new Date(start.getTime() - 30 * MIN - 1))).toBe('too_early')
    expect(checkInTiming(start, false, new Date(start.getTime() - 30 * MIN))).toBe('open')
    expect(checkInTiming(start, false, new Date(start.getTime() + 15 * MIN))).toBe('open')
    expect(checkInTiming(start, false, new Date(start.getTime() + 15 * MIN + 1))).toBe('too_late')
    expect(checkInTiming(start, true, new Date(start.getTime() + 30 * MIN))).toBe('open')
    expect(checkInTiming(start, true, new Date(start.getTime() + 30 * MIN + 1))).toBe('too_late')
    expect(isNoShowAt(start, false, new Date(start.getTime() + 16 * MIN))).toBe(true)
    expect(isNoShowAt(start, true, new Date(start.getTime() + 16 * MIN))).toBe(false)
  })

  it('takes "running late" only before the start', () => {
    expect(canDeclareRunningLateAt(start, new Date(start.getTime() - 1))).toBe(true)
    expect(canDeclareRunningLateAt(start, start)).toBe(false)
  })
})

describe('suspension after no-shows', () => {
  const now = at('2026-11-25T10:00:00')
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY)

  it('suspends for 7 days from the third no-show within 30 days', () => {
    const until = suspendedUntil([daysAgo(20), daysAgo(10), daysAgo(2)], now)
    expect(until?.toISOString()).toBe(new Date(daysAgo(2).getTime() + 7 * DAY).toISOString())
  })

  it('does not suspend for two no-shows, or three spread over 30 days or more', () => {
    expect(suspendedUntil([daysAgo(3), daysAgo(1)], now)).toBeNull()
    // The first and the third exactly 30 days apart: not "within 30 days".
    expect(suspendedUntil([daysAgo(31), daysAgo(10), daysAgo(1)], now)).toBeNull()
    expect(suspendedUntil([daysAgo(30.99), daysAgo(10), daysAgo(1)], now)).not.toBeNull()
  })

  it('ends exactly 7 days after the third no-show', () => {
    const third = daysAgo(7)
    expect(suspendedUntil([daysAgo(9), daysAgo(8), third], new Date(third.getTime() + 7 * DAY - 1))).not.toBeNull()
    expect(suspendedUntil([daysAgo(9), daysAgo(8), third], now)).toBeNull()
  })
})

describe('hall check-in codes and categories', () => {
  it('round-trips the hall QR payload and refuses anything else', () => {
    expect(hallIdOfCheckInCode(hallCheckInCode('lh-district'))).toBe('lh-district')
    expect(hallIdOfCheckInCode('banshi:item:010100010000')).toBeNull()
    expect(hallIdOfCheckInCode('https://example.com')).toBeNull()
  })

  it('sends police items to the police window where the hall has one, else the general window', () => {
    expect(categoryForItem('深圳市公安局龙华分局', ['A', 'B', 'V'])).toBe('B')
    expect(categoryForItem('深圳市公安局龙华分局', ['A', 'V'])).toBe('A')
    expect(categoryForItem('龙华区民政局', ['A', 'B', 'V'])).toBe('A')
    expect(categoryForItem('龙华区民政局', ['V'])).toBe('V')
    expect(categoryForItem('龙华区民政局', [])).toBeNull()
  })
})

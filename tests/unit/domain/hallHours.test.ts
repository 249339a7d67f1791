import { daysOfKey, formatPeriods, hoursToday, isOpenAt, periodsOn, periodsOnDate } from '@/domain/hallHours'
import type { WeeklyHours } from '@/domain/contract'

const streetHall: WeeklyHours = { 'mon-fri': [['09:00', '12:00'], ['14:00', '18:00']], sat: [['09:00', '12:00']] }

// 2026-11-25 is a Wednesday; times are given in Shanghai time (+08:00).
const at = (local: string) => new Date(`${local}+08:00`)

describe('hall opening hours', () => {
  it('expands day ranges and single days', () => {
    expect(daysOfKey('mon-fri')).toEqual(['mon', 'tue', 'wed', 'thu', 'fri'])
    expect(daysOfKey('sat')).toEqual(['sat'])
    expect(daysOfKey('sat-sun')).toEqual(['sat', 'sun'])
    expect(daysOfKey('nonsense')).toEqual([])
  })

  it('is open in the morning and afternoon but not over lunch', () => {
    expect(isOpenAt(streetHall, at('2026-11-25T08:59:00'))).toBe(false)
    expect(isOpenAt(streetHall, at('2026-11-25T09:00:00'))).toBe(true)
    expect(isOpenAt(streetHall, at('2026-11-25T11:59:00'))).toBe(true)
    expect(isOpenAt(streetHall, at('2026-11-25T12:00:00'))).toBe(false)
    expect(isOpenAt(streetHall, at('2026-11-25T13:30:00'))).toBe(false)
    expect(isOpenAt(streetHall, at('2026-11-25T14:00:00'))).toBe(true)
    expect(isOpenAt(streetHall, at('2026-11-25T18:00:00'))).toBe(false)
  })

  it('uses Shanghai time whatever the server time zone: 02:00 UTC is 10:00 in the hall', () => {
    expect(isOpenAt(streetHall, new Date('2026-11-25T02:00:00Z'))).toBe(true)
    expect(isOpenAt(streetHall, new Date('2026-11-25T10:00:00Z'))).toBe(false)
  })

  it('knows Saturday mornings and closed Sundays', () => {
    expect(isOpenAt(streetHall, at('2026-11-28T10:00:00'))).toBe(true)
    expect(isOpenAt(streetHall, at('2026-11-28T15:00:00'))).toBe(false)
    expect(hoursToday(streetHall, at('2026-11-29T10:00:00'))).toEqual([])
    expect(periodsOn(streetHall, 'sat')).toEqual([{ opens: '09:00', closes: '12:00' }])
  })

  it('reads a day\'s hours in plain words, closed days included', () => {
    expect(formatPeriods(periodsOn(streetHall, 'wed'))).toBe('09:00-12:00, 14:00-18:00')
    expect(formatPeriods(periodsOn(streetHall, 'sun'))).toBe('')
  })
})

describe('hall opening hours on public holidays', () => {
  it('closes on a public holiday that falls on a weekday', () => {
    expect(isOpenAt(streetHall, at('2026-10-05T10:00:00'))).toBe(false)
    expect(hoursToday(streetHall, at('2026-10-05T10:00:00'))).toEqual([])
    expect(periodsOnDate(streetHall, '2026-10-01')).toEqual([])
  })

  it('keeps working-day hours on a weekend day worked in exchange (调休上班)', () => {
    // Sunday 20 Sept 2026 is worked: the hall keeps its Monday hours, afternoon included.
    expect(isOpenAt(streetHall, at('2026-09-20T15:00:00'))).toBe(true)
    expect(periodsOnDate(streetHall, '2026-10-10')).toEqual(periodsOn(streetHall, 'mon'))
  })

  it('follows the weekly pattern on ordinary days', () => {
    expect(periodsOnDate(streetHall, '2026-11-28')).toEqual([{ opens: '09:00', closes: '12:00' }])
    expect(periodsOnDate(streetHall, '2026-11-29')).toEqual([])
  })
})

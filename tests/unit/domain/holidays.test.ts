import {
  addCalendarDays,
  addWorkingDays,
  calendarFrom,
  holidayName,
  isWorkingDay,
  officialCalendar,
  workingDaysBetween,
} from '@/domain/holidays'
import { holidayYearsCn } from '@/domain/holidayCalendarCn'

describe('public holiday calendar', () => {
  it('knows the 2026 holidays and the weekend days worked in exchange', () => {
    expect(holidayName('2026-10-02')).toBe('国庆节')
    expect(holidayName('2026-02-23')).toBe('春节')
    expect(holidayName('2026-02-24')).toBeNull()
    expect(isWorkingDay('2026-10-05')).toBe(false) // Monday inside 国庆
    expect(isWorkingDay('2026-10-10')).toBe(true) // Saturday worked in exchange
    expect(isWorkingDay('2026-09-20')).toBe(true) // Sunday worked in exchange
    expect(isWorkingDay('2026-11-28')).toBe(false) // ordinary Saturday
    expect(isWorkingDay('2026-11-25')).toBe(true) // ordinary Wednesday
  })

  it('covers this year and next; next year stays marked provisional until the notice is out', () => {
    expect(officialCalendar.years).toEqual([2026, 2027])
    expect(holidayYearsCn.find((year) => year.year === 2027)?.provisional).toBe(true)
    expect(holidayName('2027-02-05')).toBe('春节')
    expect(isWorkingDay('2027-10-01')).toBe(false)
  })

  it('lists every holiday period with its first day on or before its last', () => {
    for (const year of holidayYearsCn) {
      for (const period of year.periods) {
        expect(period.from <= period.to).toBe(true)
        expect(period.from.startsWith(String(year.year))).toBe(true)
      }
      for (const day of year.workdays) expect([0, 6]).toContain(new Date(`${day}T00:00:00Z`).getUTCDay())
    }
  })

  it('counts calendar days across month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28')
  })
})

describe('working days (法定时限, 承诺时限)', () => {
  it('skips weekends: 5 working days from a Wednesday end the next Wednesday', () => {
    expect(addWorkingDays('2026-11-25', 5)).toBe('2026-12-02')
    expect(addWorkingDays('2026-11-25', 0)).toBe('2026-11-25')
  })

  it('skips a holiday week and counts the Saturday worked after it', () => {
    // Accepted Wednesday 30 Sept: 1 Oct–7 Oct are off, Thu 8, Fri 9, Sat 10 (worked), Mon 12 ...
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08')
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10')
    expect(addWorkingDays('2026-09-30', 4)).toBe('2026-10-12')
  })

  it('crosses the year end into the provisional calendar', () => {
    // Thu 31 Dec 2026 → Fri 1 Jan 2027 is 元旦 → Mon 4 Jan.
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04')
  })

  it('counts working days between two dates, negative when the second is earlier', () => {
    expect(workingDaysBetween('2026-11-25', '2026-12-02')).toBe(5)
    expect(workingDaysBetween('2026-12-02', '2026-11-25')).toBe(-5)
    expect(workingDaysBetween('2026-11-25', '2026-11-25')).toBe(0)
    expect(workingDaysBetween('2026-09-30', '2026-10-08')).toBe(1)
  })

  it('treats a year outside the calendar as weekends-only', () => {
    const empty = calendarFrom([])
    expect(isWorkingDay('2026-10-01', empty)).toBe(true)
    expect(addWorkingDays('2026-09-30', 1, empty)).toBe('2026-10-01')
  })
})

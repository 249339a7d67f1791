import { deadlineStatus, promisedDueDate } from '@/domain/applicationDeadline'

describe('promised due date', () => {
  it('counts working days after the day of acceptance, skipping the weekend', () => {
    expect(promisedDueDate('2026-11-25', 1)).toBe('2026-11-26') // Wed → Thu
    expect(promisedDueDate('2026-11-27', 1)).toBe('2026-11-30') // Fri → Mon
    expect(promisedDueDate('2026-11-25', 5)).toBe('2026-12-02')
  })

  it('is the day of acceptance itself for a 即办件 (0 days)', () => {
    expect(promisedDueDate('2026-11-25', 0)).toBe('2026-11-25')
  })

  it('skips 国庆 and counts the 调休 Saturday worked after it', () => {
    // Accepted Wed 30 Sep 2026: 1–7 Oct off, Sat 10 Oct is a working day.
    expect(promisedDueDate('2026-09-30', 1)).toBe('2026-10-08')
    expect(promisedDueDate('2026-09-30', 3)).toBe('2026-10-10')
    expect(promisedDueDate('2026-09-30', 4)).toBe('2026-10-12')
  })

  it('counts the 调休 Sunday before 中秋/国庆', () => {
    // Fri 18 Sep 2026 → Sun 20 Sep is worked.
    expect(promisedDueDate('2026-09-18', 1)).toBe('2026-09-20')
  })

  it('crosses the year end and 元旦 into next year', () => {
    // Thu 31 Dec 2026; 1 Jan 2027 is 元旦 (Fri), then a weekend.
    expect(promisedDueDate('2026-12-31', 1)).toBe('2027-01-04')
    expect(promisedDueDate('2026-12-30', 2)).toBe('2027-01-04')
  })

  it('skips 春节 2026 with its 调休 Saturday before it', () => {
    // Fri 13 Feb 2026; Sat 14 Feb worked; 15–23 Feb off.
    expect(promisedDueDate('2026-02-13', 1)).toBe('2026-02-14')
    expect(promisedDueDate('2026-02-13', 2)).toBe('2026-02-24')
  })
})

describe('deadline status', () => {
  const base = { acceptedOn: '2026-11-25', promisedDays: 5, finishedOn: null }

  it('has no due date before acceptance', () => {
    expect(deadlineStatus({ ...base, acceptedOn: null, today: '2026-11-25' })).toEqual({ dueDate: null, daysLeft: null, daysOverdue: 0, overdue: false })
  })

  it('counts working days left, 0 on the due day', () => {
    expect(deadlineStatus({ ...base, today: '2026-11-25' })).toMatchObject({ dueDate: '2026-12-02', daysLeft: 5, overdue: false })
    expect(deadlineStatus({ ...base, today: '2026-11-28' })).toMatchObject({ daysLeft: 3 }) // Saturday
    expect(deadlineStatus({ ...base, today: '2026-12-02' })).toMatchObject({ daysLeft: 0, overdue: false })
  })

  it('counts working days overdue the day after', () => {
    expect(deadlineStatus({ ...base, today: '2026-12-03' })).toMatchObject({ overdue: true, daysOverdue: 1, daysLeft: null })
    expect(deadlineStatus({ ...base, today: '2026-12-07' })).toMatchObject({ overdue: true, daysOverdue: 3 })
  })

  it('is overdue by at least a day when only holidays passed since the due date', () => {
    // Due Wed 30 Sep 2026; on Thu 1 Oct (国庆) it is late though no working day has passed.
    expect(deadlineStatus({ acceptedOn: '2026-09-29', promisedDays: 1, finishedOn: null, today: '2026-10-01' })).toMatchObject({
      dueDate: '2026-09-30', overdue: true, daysOverdue: 1,
    })
  })

  it('judges a finished application on the day it finished', () => {
    expect(deadlineStatus({ ...base, finishedOn: '2026-12-01', today: '2027-03-01' })).toEqual({ dueDate: '2026-12-02', daysLeft: null, daysOverdue: 0, overdue: false })
    expect(deadlineStatus({ ...base, finishedOn: '2026-12-04', today: '2027-03-01' })).toMatchObject({ overdue: true, daysOverdue: 2 })
  })
})

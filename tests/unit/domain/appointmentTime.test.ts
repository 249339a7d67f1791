import { appointmentWhen, clockOf, dayLabel, dayOf, isUpcoming, minutesUntil, momentLabel, slotRange } from '@/domain/appointmentTime'

describe('appointment time wording', () => {
  it('reads times in China whatever the instant’s offset', () => {
    expect(clockOf('2026-11-26T01:30:00.000Z')).toBe('09:30')
    expect(clockOf('2026-11-26T09:30:00+08:00')).toBe('09:30')
    expect(dayOf('2026-11-25T16:30:00.000Z')).toBe('2026-11-26')
    expect(slotRange('2026-11-26T01:30:00Z', '2026-11-26T02:00:00Z')).toBe('09:30–10:00')
  })

  it('names today and tomorrow, and the weekday otherwise', () => {
    expect(dayLabel('2026-11-25', '2026-11-25', 'zh')).toBe('今天 11月25日 周三')
    expect(dayLabel('2026-11-26', '2026-11-25', 'zh')).toBe('明天 11月26日 周四')
    expect(dayLabel('2026-11-28', '2026-11-25', 'zh')).toBe('11月28日 周六')
    expect(dayLabel('2026-11-28', '2026-11-25', 'en')).toBe('Sat 28 Nov')
    expect(dayLabel('2026-11-26', '2026-11-25', 'en')).toBe('Tomorrow, Thu 26 Nov')
  })

  it('puts the day and the slot in one line', () => {
    const slot = { startsAt: '2026-11-26T01:30:00Z', endsAt: '2026-11-26T02:00:00Z' }
    // 23:50 on the 25th in China: the slot is tomorrow.
    expect(appointmentWhen(slot, new Date('2026-11-25T15:50:00Z'), 'zh')).toBe('明天 11月26日 周四 09:30–10:00')
    // 00:10 on the 26th in China although it is still the 25th in UTC: the slot is today.
    expect(appointmentWhen(slot, new Date('2026-11-25T16:10:00Z'), 'en')).toBe('Today, Thu 26 Nov 09:30–10:00')
  })

  it('counts minutes until a time and tells upcoming from past', () => {
    const now = new Date('2026-11-26T01:00:00Z')
    expect(minutesUntil('2026-11-26T01:30:00Z', now)).toBe(30)
    expect(minutesUntil('2026-11-26T00:30:00Z', now)).toBe(-30)
    const slot = { startsAt: '2026-11-26T01:30:00Z', endsAt: '2026-11-26T02:00:00Z' }
    expect(isUpcoming({ status: 'booked', slot }, now)).toBe(true)
    expect(isUpcoming({ status: 'cancelled', slot }, now)).toBe(false)
    expect(isUpcoming({ status: 'booked', slot }, new Date('2026-11-26T02:00:00Z'))).toBe(false)
  })

  it('names a moment (the end of a booking suspension) by its day and time in China', () => {
    expect(momentLabel('2026-12-02T10:00:00+08:00', '2026-11-25', 'zh')).toBe('12月2日 周三 10:00')
    expect(momentLabel('2026-12-02', '2026-11-25', 'en')).toBe('Wed 2 Dec')
  })
})

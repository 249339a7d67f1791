import { afterQuietHours, endOfShanghaiDay } from '@/domain/quietHours'

const at = (iso: string) => new Date(iso)

describe('quiet hours (Asia/Shanghai 22:00–08:00)', () => {
  it('lets a message due in the day go at once', () => {
    expect(afterQuietHours(at('2026-12-02T08:00:00+08:00')).toISOString()).toBe(at('2026-12-02T08:00:00+08:00').toISOString())
    expect(afterQuietHours(at('2026-12-02T21:59:00+08:00')).toISOString()).toBe(at('2026-12-02T21:59:00+08:00').toISOString())
  })

  it('holds a late-evening message until 08:00 the next morning', () => {
    expect(afterQuietHours(at('2026-12-02T22:00:00+08:00')).toISOString()).toBe(at('2026-12-03T08:00:00+08:00').toISOString())
    expect(afterQuietHours(at('2026-12-02T23:30:00+08:00')).toISOString()).toBe(at('2026-12-03T08:00:00+08:00').toISOString())
  })

  it('holds a message due after midnight until 08:00 the same morning', () => {
    expect(afterQuietHours(at('2026-12-03T00:10:00+08:00')).toISOString()).toBe(at('2026-12-03T08:00:00+08:00').toISOString())
    expect(afterQuietHours(at('2026-12-03T07:59:00+08:00')).toISOString()).toBe(at('2026-12-03T08:00:00+08:00').toISOString())
  })

  it('ends the day at the next Shanghai midnight, whatever the UTC date', () => {
    expect(endOfShanghaiDay(at('2026-12-02T23:30:00+08:00')).toISOString()).toBe(at('2026-12-03T00:00:00+08:00').toISOString())
    expect(endOfShanghaiDay(at('2026-12-02T00:30:00+08:00')).toISOString()).toBe(at('2026-12-03T00:00:00+08:00').toISOString())
  })
})

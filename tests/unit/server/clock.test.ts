import { clockFor, ManualClock, shiftedClock, systemClock } from '../../../server/clock'

const START = '2026-11-25T10:00:00+08:00'

describe('server clocks', () => {
  describe('shiftedClock', () => {
    it('starts at the given time and then moves with the real clock', () => {
      let real = Date.parse('2031-05-01T00:00:00Z')
      const clock = shiftedClock(new Date(START), () => real)
      expect(clock.now().toISOString()).toBe('2026-11-25T02:00:00.000Z')
      real += 90_000
      expect(clock.now().toISOString()).toBe('2026-11-25T02:01:30.000Z')
      real += 2 * 60 * 60 * 1000
      expect(clock.now().toISOString()).toBe('2026-11-25T04:01:30.000Z')
    })

    it('can start in the past or the future of the real clock', () => {
      let real = Date.parse('2020-01-01T00:00:00Z')
      const clock = shiftedClock(new Date(START), () => real)
      real += 1000
      expect(clock.now().toISOString()).toBe('2026-11-25T02:00:01.000Z')
    })

    it('follows Date.now by default', () => {
      jest.useFakeTimers({ now: new Date('2031-05-01T00:00:00Z') })
      try {
        const clock = shiftedClock(new Date(START))
        expect(clock.now().toISOString()).toBe('2026-11-25T02:00:00.000Z')
        jest.advanceTimersByTime(5000)
        expect(clock.now().toISOString()).toBe('2026-11-25T02:00:05.000Z')
      } finally {
        jest.useRealTimers()
      }
    })

    it('hands out a new Date each time, so a caller cannot move the clock', () => {
      const clock = shiftedClock(new Date(START), () => 0)
      clock.now().setFullYear(1999)
      expect(clock.now().toISOString()).toBe('2026-11-25T02:00:00.000Z')
    })
  })

  describe('ManualClock', () => {
    it('stands still until told to move', () => {
      const clock = new ManualClock(START)
      expect(clock.now().toISOString()).toBe('2026-11-25T02:00:00.000Z')
      expect(clock.now().toISOString()).toBe('2026-11-25T02:00:00.000Z')
    })

    it('accepts a Date or an ISO string to start from and to set', () => {
      const clock = new ManualClock(new Date('2026-11-25T02:00:00Z'))
      expect(clock.now().toISOString()).toBe('2026-11-25T02:00:00.000Z')
      clock.set('2026-11-28T09:30:00+08:00')
      expect(clock.now().toISOString()).toBe('2026-11-28T01:30:00.000Z')
      clock.set(new Date('2026-11-29T00:00:00Z'))
      expect(clock.now().toISOString()).toBe('2026-11-29T00:00:00.000Z')
    })

    it('advances by the given milliseconds, backwards too', () => {
      const clock = new ManualClock(START)
      clock.advance(15 * 60 * 1000)
      expect(clock.now().toISOString()).toBe('2026-11-25T02:15:00.000Z')
      clock.advance(-60 * 60 * 1000)
      expect(clock.now().toISOString()).toBe('2026-11-25T01:15:00.000Z')
    })

    it('hands out a new Date each time', () => {
      const clock = new ManualClock(START)
      clock.now().setFullYear(1999)
      expect(clock.now().toISOString()).toBe('2026-11-25T02:00:00.000Z')
    })
  })

  describe('clockFor', () => {
    it('uses the system clock when no fake time is configured', () => {
      expect(clockFor({ fakeNow: null })).toBe(systemClock)
    })

    it('starts at the configured fake time and runs at real speed', () => {
      jest.useFakeTimers({ now: new Date('2031-05-01T00:00:00Z') })
      try {
        const clock = clockFor({ fakeNow: new Date(START) })
        expect(clock).not.toBe(systemClock)
        expect(clock.now().toISOString()).toBe('2026-11-25T02:00:00.000Z')
        jest.advanceTimersByTime(60_000)
        expect(clock.now().toISOString()).toBe('2026-11-25T02:01:00.000Z')
      } finally {
        jest.useRealTimers()
      }
    })

    it('the system clock reads the real time', () => {
      jest.useFakeTimers({ now: new Date('2031-05-01T00:00:00Z') })
      try {
        expect(systemClock.now().toISOString()).toBe('2031-05-01T00:00:00.000Z')
      } finally {
        jest.useRealTimers()
      }
    })
  })
})

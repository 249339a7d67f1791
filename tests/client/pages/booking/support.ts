import { act } from '@testing-library/react'
import { useSessionStore } from '@/stores/session'

export const API = 'http://banshi.test/api/v1'
export const VALID_ID = '11010519491231002X'

export const signIn = () => act(() => useSessionStore.getState().signInWithSms('13812345678', '123456'))

/**
 * Booking words depend on the day ("明天", what is upcoming): the clock is set to 10:00 on 2026-11-25 in China,
 * the day before the mock's first bookable day. Only Date is faked; timers run for real.
 */
export function fixTheClock(): void {
  jest.useFakeTimers({
    now: new Date('2026-11-25T02:00:00.000Z'),
    doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask', 'hrtime', 'performance', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback'],
  })
}

// Every piece of server code reads the time from here, so demos and tests can run "during opening hours" at any
// hour (BANSHI_FAKE_NOW) and tests can move time on purpose.

export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** Starts at `start` and then runs at real speed. */
export function shiftedClock(start: Date, realNow: () => number = Date.now): Clock {
  const offset = start.getTime() - realNow()
  return { now: () => new Date(realNow() + offset) }
}

/** A clock that only moves when told to; for tests. */
export class ManualClock implements Clock {
  private current: number

  constructor(start: Date | string) {
    this.current = new Date(start).getTime()
  }

  now(): Date {
    return new Date(this.current)
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime()
  }

  advance(ms: number): void {
    this.current += ms
  }
}

export function clockFor(config: { fakeNow: Date | null }): Clock {
  return config.fakeNow ? shiftedClock(config.fakeNow) : systemClock
}

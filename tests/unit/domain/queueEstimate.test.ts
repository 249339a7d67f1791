import { DEFAULT_SERVICE_MIN, SERVICE_WINDOW, estimateWait, naiveWaitMin, serviceTime } from '@/domain/queueEstimate'

describe('service time from the moving window', () => {
  it('falls back to the default when nothing was served yet', () => {
    expect(serviceTime([])).toMatchObject({ meanMin: DEFAULT_SERVICE_MIN, samples: 0 })
    expect(serviceTime([]).sdMin).toBeGreaterThan(0)
  })

  it('moves towards the observed times as services accumulate', () => {
    const few = serviceTime([4])
    const many = serviceTime(Array(20).fill(4))
    expect(few.meanMin).toBeLessThan(DEFAULT_SERVICE_MIN)
    expect(few.meanMin).toBeGreaterThan(many.meanMin)
    expect(many.meanMin).toBeCloseTo((20 * 4 + 3 * DEFAULT_SERVICE_MIN) / 23)
  })

  it('forgets services older than the window', () => {
    const old = Array(50).fill(30)
    const recent = Array(SERVICE_WINDOW).fill(5)
    expect(serviceTime([...old, ...recent]).meanMin).toBeCloseTo(serviceTime(recent).meanMin)
  })

  it('ignores nonsense samples (negative, not a number)', () => {
    expect(serviceTime([-3, Number.NaN, 6])).toEqual(serviceTime([6]))
  })
})

describe('estimated wait', () => {
  const service = { meanMin: 10, sdMin: 5, samples: 20 }

  it('is zero with nobody ahead and a free window', () => {
    expect(estimateWait({ ahead: 0, service, openWindows: 2 })).toEqual({ p50Min: 0, p80Min: 0 })
  })

  it('is people ahead × service time ÷ windows when every window has just started', () => {
    // 4 windows just started (elapsed 0): they free at 10 min; 8 ahead take two rounds; we are called at 30.
    const wait = estimateWait({ ahead: 8, service, openWindows: 4, inServiceElapsedMin: [0, 0, 0, 0] })
    expect(wait.p50Min).toBe(30)
    expect(wait.p80Min).toBeGreaterThan(30)
  })

  it('subtracts the time already spent on the tickets in service', () => {
    const fresh = estimateWait({ ahead: 0, service, openWindows: 1, inServiceElapsedMin: [0] })
    const nearlyDone = estimateWait({ ahead: 0, service, openWindows: 1, inServiceElapsedMin: [6] })
    expect(fresh.p50Min).toBe(10)
    expect(nearlyDone.p50Min).toBe(4)
    // Overrunning service: still a little more to come, never negative.
    expect(estimateWait({ ahead: 0, service, openWindows: 1, inServiceElapsedMin: [40] }).p50Min).toBe(3)
  })

  it('counts the priority tickets that will jump ahead while waiting', () => {
    const plain = estimateWait({ ahead: 6, service, openWindows: 2 })
    const withPriority = estimateWait({ ahead: 6, service, openWindows: 2, priorityArrivalsPerMin: 0.05 })
    expect(withPriority.p50Min).toBeGreaterThan(plain.p50Min)
    // However many priority arrivals, the estimate stays finite.
    expect(Number.isFinite(estimateWait({ ahead: 6, service, openWindows: 2, priorityArrivalsPerMin: 100 }).p50Min)).toBe(true)
  })

  it('treats no open window as one, so a closed counter still gets a finite, honest figure', () => {
    expect(estimateWait({ ahead: 3, service, openWindows: 0 })).toEqual(estimateWait({ ahead: 3, service, openWindows: 1 }))
  })

  it('widens the range with the queue and never puts P80 below P50', () => {
    const short = estimateWait({ ahead: 1, service, openWindows: 1 })
    const long = estimateWait({ ahead: 20, service, openWindows: 1 })
    expect(long.p80Min - long.p50Min).toBeGreaterThan(short.p80Min - short.p50Min)
    for (let ahead = 0; ahead < 50; ahead += 7) {
      const wait = estimateWait({ ahead, service, openWindows: 3, inServiceElapsedMin: [1, 5] })
      expect(wait.p80Min).toBeGreaterThanOrEqual(wait.p50Min)
    }
  })

  it('has a naive comparison of five minutes a person', () => {
    expect(naiveWaitMin(4)).toBe(20)
    expect(naiveWaitMin(-1)).toBe(0)
  })
})

// How long someone taking a number now will wait (预计等候), as an honest range: P50 (shown as estimatedWaitMin)
// and P80 (the top of "约 15–25 分钟"). Pure arithmetic over what the hall knows right now; validated against a
// discrete-event simulation in tests/unit/domain/queueSimulation.test.ts.

/** Until a category has served a few people today, a typical counter transaction (综合受理) is assumed. */
export const DEFAULT_SERVICE_MIN = 8
/** The moving window: only the most recent services count, so a slow morning does not colour the afternoon. */
export const SERVICE_WINDOW = 20
/** How many imaginary default services the mean starts from: one quick service must not swing the estimate. */
const PRIOR_WEIGHT = 3
/** Service times at a counter vary about half their mean (long tail of incomplete materials). */
const DEFAULT_CV = 0.5
/** z for the 80th percentile of a normal distribution. */
const Z80 = 0.8416
/** A ticket in service longer than expected is still expected to need a little more. */
const MIN_RESIDUAL_SHARE = 0.25
/** Priority arrivals can never take more than this share of the windows in the estimate (the queue still moves). */
const MAX_PRIORITY_LOAD = 0.8

export interface ServiceTime {
  meanMin: number
  sdMin: number
  /** How many real services the figure rests on. */
  samples: number
}

/** Mean and spread of recent service times (minutes, oldest first), pulled towards the default when few are known. */
export function serviceTime(recentMin: readonly number[], defaultMin: number = DEFAULT_SERVICE_MIN): ServiceTime {
  const recent = recentMin.filter((value) => Number.isFinite(value) && value >= 0).slice(-SERVICE_WINDOW)
  const n = recent.length
  const sum = recent.reduce((total, value) => total + value, 0)
  const meanMin = (sum + PRIOR_WEIGHT * defaultMin) / (n + PRIOR_WEIGHT)
  const priorVariance = (DEFAULT_CV * meanMin) ** 2
  const sampleVariance = n >= 2 ? recent.reduce((total, value) => total + (value - sum / n) ** 2, 0) / (n - 1) : priorVariance
  const variance = (sampleVariance * n + priorVariance * PRIOR_WEIGHT) / (n + PRIOR_WEIGHT)
  return { meanMin, sdMin: Math.sqrt(variance), samples: n }
}

export interface WaitInput {
  /** People who will be called before this one, as the queue stands now. */
  ahead: number
  service: ServiceTime
  /** Open windows serving this category. */
  openWindows: number
  /** Minutes already spent on each ticket now at one of those windows. */
  inServiceElapsedMin?: readonly number[]
  /** Priority tickets (V, appointments) expected per minute: each one that arrives while we wait goes first. */
  priorityArrivalsPerMin?: number
}

export interface WaitEstimate {
  /** Median wait in whole minutes (estimatedWaitMin). */
  p50Min: number
  /** 80th percentile in whole minutes, never below the median (estimatedWaitHighMin). */
  p80Min: number
}

/**
 * Each window frees up when its current ticket is done (the expected rest of its service: minus the time already
 * spent); the people ahead then take the earliest free window one after another, and this person is called when
 * the next window frees after them. Priority tickets arriving meanwhile take a share of the windows, stretching the
 * wait by 1 / (1 − their load). The spread grows with the square root of the services on the way.
 */
export function estimateWait(input: WaitInput): WaitEstimate {
  const mean = input.service.meanMin
  const windows = Math.max(1, Math.floor(input.openWindows))
  const ahead = Math.max(0, Math.floor(input.ahead))
  const elapsed = [...(input.inServiceElapsedMin ?? [])].sort((a, b) => b - a).slice(0, windows)
  const freeAt: number[] = []
  for (let i = 0; i < windows; i += 1) {
    freeAt.push(i < elapsed.length ? Math.max(mean - elapsed[i], mean * MIN_RESIDUAL_SHARE) : 0)
  }
  for (let person = 0; person < ahead; person += 1) {
    let earliest = 0
    for (let i = 1; i < windows; i += 1) if (freeAt[i] < freeAt[earliest]) earliest = i
    freeAt[earliest] += mean
  }
  const base = Math.min(...freeAt)
  const priorityLoad = Math.min(MAX_PRIORITY_LOAD, ((input.priorityArrivalsPerMin ?? 0) * mean) / windows)
  const median = base / (1 - priorityLoad)
  const busy = ahead + elapsed.length
  const spread = busy === 0 ? 0 : (input.service.sdMin * Math.sqrt(busy)) / windows / (1 - priorityLoad)
  const p50Min = Math.round(median)
  const p80Min = Math.max(p50Min, Math.ceil(median + Z80 * spread))
  return { p50Min, p80Min }
}

/** The figure people compare against: "ahead × 5 minutes", what a plain number machine shows. */
export function naiveWaitMin(ahead: number, minutesEach = 5): number {
  return Math.max(0, ahead) * minutesEach
}

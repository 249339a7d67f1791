/**
 * How a wait is told to people: an honest range from the typical case (P50) to a bad-but-likely one (P80), rounded
 * to 5 minutes above a quarter of an hour because nobody can promise "23 minutes".
 */
export type WaitRange = { kind: 'none' } | { kind: 'about'; minutes: number } | { kind: 'range'; low: number; high: number }

function roundForPeople(minutes: number): number {
  if (minutes <= 15) return Math.max(1, Math.round(minutes))
  return Math.round(minutes / 5) * 5
}

export function waitRange(estimatedWaitMin: number, estimatedWaitHighMin: number): WaitRange {
  if (estimatedWaitHighMin <= 0 && estimatedWaitMin <= 0) return { kind: 'none' }
  const low = roundForPeople(Math.max(0, estimatedWaitMin))
  const high = Math.max(low, roundForPeople(Math.max(estimatedWaitMin, estimatedWaitHighMin)))
  return high === low ? { kind: 'about', minutes: low } : { kind: 'range', low, high }
}

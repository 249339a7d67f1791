import type { OpeningPeriod } from './contract/halls'

/** The gaps between a day's opening periods: lunch breaks (午休), which people plan their visit around. */
export function breaksBetween(periods: OpeningPeriod[]): OpeningPeriod[] {
  const sorted = [...periods].sort((a, b) => a.opens.localeCompare(b.opens))
  const breaks: OpeningPeriod[] = []
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i - 1].closes < sorted[i].opens) breaks.push({ opens: sorted[i - 1].closes, closes: sorted[i].opens })
  }
  return breaks
}

export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
}

/**
 * The plain normalization every search goes through, on both ends: NFKC (full-width → half-width), lower case,
 * collapsed white space. Returns the terms to match; an empty list means "no query: browse".
 */
export function searchTerms(raw: string | undefined | null): string[] {
  if (!raw) return []
  const normalized = normalizeForSearch(raw)
  if (!normalized) return []
  return Array.from(new Set(normalized.split(' '))).slice(0, 8)
}

/** [start, end) ranges of `name` that contain any of the terms, merged; used to highlight matches. */
export function matchRanges(name: string, terms: string[]): Array<[number, number]> {
  const lower = name.toLowerCase()
  const ranges: Array<[number, number]> = []
  for (const term of terms) {
    if (!term) continue
    let from = lower.indexOf(term)
    while (from >= 0) {
      ranges.push([from, from + term.length])
      from = lower.indexOf(term, from + term.length)
    }
  }
  ranges.sort((a, b) => a[0] - b[0])
  const merged: Array<[number, number]> = []
  for (const range of ranges) {
    const last = merged[merged.length - 1]
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([range[0], range[1]])
  }
  return merged
}

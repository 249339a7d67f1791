// One-edit typo tolerance: does `pattern` occur somewhere in `text` with at most one character substituted,
// inserted or deleted? (Sellers' approximate substring matching with k = 1; texts here are names, a few dozen
// characters, so the O(m·n) table is cheap.)

export interface ApproximateHit {
  /** [start, end) of the matching stretch of text. */
  start: number
  end: number
  edits: number
}

export function findWithinOneEdit(pattern: ArrayLike<string>, text: ArrayLike<string>): ApproximateHit | null {
  const m = pattern.length
  const n = text.length
  if (m === 0 || n === 0) return null
  // cost[i] for the current column: edits to match pattern[0, i) ending at text position j; start[i] where it began.
  let cost = Array.from({ length: m + 1 }, (_, i) => i)
  let start = new Array<number>(m + 1).fill(0)
  let best: ApproximateHit | null = null
  for (let j = 1; j <= n; j++) {
    const nextCost = new Array<number>(m + 1)
    const nextStart = new Array<number>(m + 1)
    nextCost[0] = 0
    nextStart[0] = j
    for (let i = 1; i <= m; i++) {
      const substitute = cost[i - 1] + (pattern[i - 1] === text[j - 1] ? 0 : 1)
      const skipText = cost[i] + 1
      const skipPattern = nextCost[i - 1] + 1
      if (substitute <= skipText && substitute <= skipPattern) {
        nextCost[i] = substitute
        nextStart[i] = start[i - 1]
      } else if (skipText <= skipPattern) {
        nextCost[i] = skipText
        nextStart[i] = start[i]
      } else {
        nextCost[i] = skipPattern
        nextStart[i] = nextStart[i - 1]
      }
    }
    cost = nextCost
    start = nextStart
    // Among equally good stretches, keep the one closest to the pattern's length (居住正 → 居住证, not 居住).
    const closer = (hit: ApproximateHit) => Math.abs(j - start[m] - m) < Math.abs(hit.end - hit.start - m)
    if (cost[m] <= 1 && (!best || cost[m] < best.edits || (cost[m] === best.edits && closer(best)))) {
      best = { start: start[m], end: j, edits: cost[m] }
      if (cost[m] === 0) return best
    }
  }
  return best
}

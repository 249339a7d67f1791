// One-edit typo tolerance: does `pattern` occur somewhere in `text` with at most one character substituted,
// inserted or deleted? Sellers' approximate substring matching with k = 1, computing only the top of each column
// that can still be within one edit (Ukkonen's cut-off), so a miss costs a few cells per character of text.

export interface ApproximateHit {
  /** [start, end) of the matching stretch of text. */
  start: number
  end: number
  edits: number
}

const TOO_MANY = 2

export function findWithinOneEdit(pattern: string, text: string): ApproximateHit | null {
  const m = pattern.length
  const n = text.length
  if (m === 0 || n === 0) return null
  // cost[i]: edits to match pattern[0, i) ending at the current text position; start[i]: where that match began.
  let cost = Int32Array.from({ length: m + 1 }, (_, i) => Math.min(i, TOO_MANY))
  let start = new Int32Array(m + 1)
  let nextCost = new Int32Array(m + 1)
  let nextStart = new Int32Array(m + 1)
  // The deepest row still within one edit; rows below it cannot come back under the limit in the next column.
  let active = Math.min(m, 1)
  let best: ApproximateHit | null = null
  for (let j = 1; j <= n; j++) {
    const unit = text.charCodeAt(j - 1)
    nextCost[0] = 0
    nextStart[0] = j
    const rows = Math.min(m, active + 1)
    for (let i = 1; i <= rows; i++) {
      const above = i <= active ? cost[i] : TOO_MANY
      const substitute = cost[i - 1] + (pattern.charCodeAt(i - 1) === unit ? 0 : 1)
      const skipText = above + 1
      const skipPattern = nextCost[i - 1] + 1
      if (substitute <= skipText && substitute <= skipPattern) {
        nextCost[i] = Math.min(substitute, TOO_MANY)
        nextStart[i] = start[i - 1]
      } else if (skipText <= skipPattern) {
        nextCost[i] = Math.min(skipText, TOO_MANY)
        nextStart[i] = start[i]
      } else {
        nextCost[i] = Math.min(skipPattern, TOO_MANY)
        nextStart[i] = nextStart[i - 1]
      }
    }
    active = rows
    while (active > 0 && nextCost[active] >= TOO_MANY) active--
    ;[cost, nextCost] = [nextCost, cost]
    ;[start, nextStart] = [nextStart, start]
    if (active === m && cost[m] <= 1) {
      // Among equally good stretches, keep the one closest to the pattern's length (居住正 → 居住证, not 居住).
      const length = j - start[m]
      if (!best || cost[m] < best.edits || (cost[m] === best.edits && Math.abs(length - m) < Math.abs(best.end - best.start - m))) {
        best = { start: start[m], end: j, edits: cost[m] }
        if (cost[m] === 0) return best
      }
    }
  }
  return best
}

// The forms of catalog text the index compares queries with.

/**
 * A name normalized one UTF-16 unit at a time (NFKC, lower case), so position i of the result is position i of
 * the name: matches found here are highlight ranges in the name as it is displayed.
 */
export function alignedNormalize(text: string): string {
  let out = ''
  for (const unit of text) {
    const folded = unit.normalize('NFKC').toLowerCase()
    out += folded.length === unit.length ? folded : unit.toLowerCase()
  }
  return out
}

/** Distinct overlapping pairs of tokens: 身份证 → 身份, 份证. */
export function bigramsOf(tokens: ArrayLike<string>, join = ''): string[] {
  const grams = new Set<string>()
  for (let i = 0; i + 1 < tokens.length; i++) grams.add(tokens[i] + join + tokens[i + 1])
  return Array.from(grams)
}

export const isCjk = (ch: string) => /[\u3400-\u9fff]/.test(ch)

import { matchRanges, searchTerms } from '@/domain/searchQuery'

describe('search query normalization', () => {
  it('returns no terms for empty or blank input (browse instead of search)', () => {
    expect(searchTerms('')).toEqual([])
    expect(searchTerms('   ')).toEqual([])
    expect(searchTerms(undefined)).toEqual([])
    expect(searchTerms('\u3000')).toEqual([])
  })

  it('folds full-width letters and digits and upper case (NFKC)', () => {
    expect(searchTerms('ＳＦＺ')).toEqual(['sfz'])
    expect(searchTerms('Ｃ１驾照')).toEqual(['c1驾照'])
  })

  it('splits on any white space and drops repeats', () => {
    expect(searchTerms(' 居民  补领\t居民 ')).toEqual(['居民', '补领'])
  })

  it('caps the number of terms', () => {
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8)
  })
})

describe('match ranges for highlighting', () => {
  it('finds every occurrence and merges overlaps', () => {
    expect(matchRanges('居民身份证申领', ['身份证'])).toEqual([[2, 5]])
    // Touching ranges merge into one highlighted run.
    expect(matchRanges('证明证明', ['证明'])).toEqual([[0, 4]])
    expect(matchRanges('居民身份证申领', ['身份', '份证'])).toEqual([[2, 5]])
  })

  it('is case-insensitive and empty when nothing matches', () => {
    expect(matchRanges('C1驾驶证', ['c1'])).toEqual([[0, 2]])
    expect(matchRanges('居住证', ['社保'])).toEqual([])
    expect(matchRanges('居住证', [])).toEqual([])
  })
})

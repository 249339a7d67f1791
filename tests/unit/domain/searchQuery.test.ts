import { hasSearchableText, matchRanges, mergeRanges, searchTerms, stripFillers } from '@/domain/searchQuery'

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

describe('filler words', () => {
  it('removes how people ask, keeping what they ask for', () => {
    expect(stripFillers('我要办理护照')).toBe('护照')
    expect(stripFillers('居住证怎么办')).toBe('居住证')
    expect(stripFillers('开饭店要什么证')).toBe('开饭店')
    expect(stripFillers('办身份证需要什么材料')).toBe('身份证')
    expect(stripFillers('失业金去哪里领')).toBe('失业金 领')
    expect(stripFillers('身份证到期了')).toBe('身份证到期')
  })

  it('leaves words alone that only look like fillers', () => {
    expect(stripFillers('开网吧')).toBe('开网吧')
    expect(stripFillers('办')).toBe('办')
    expect(stripFillers('去世')).toBe('去世')
  })

  it('can leave nothing at all', () => {
    expect(stripFillers('怎么办理')).toBe('')
  })
})

describe('searchable text', () => {
  it('needs a letter, digit or character; punctuation and emoji alone are not', () => {
    expect(hasSearchableText('社保')).toBe(true)
    expect(hasSearchableText('c1')).toBe(true)
    expect(hasSearchableText('!!!？？')).toBe(false)
    expect(hasSearchableText('😀🎉')).toBe(false)
  })
})

describe('merging ranges', () => {
  it('sorts, merges overlapping and touching ranges', () => {
    expect(mergeRanges([[4, 6], [0, 2], [1, 3]])).toEqual([[0, 3], [4, 6]])
    expect(mergeRanges([[0, 2], [2, 4]])).toEqual([[0, 4]])
  })
})

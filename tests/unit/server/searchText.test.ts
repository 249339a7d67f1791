import { syllabify } from '../../../server/search/pinyinSyllables'
import { initialsOf, syllablesOf } from '../../../server/search/pinyinOf'
import { alignedNormalize, bigramsOf } from '../../../server/search/textForms'
import { findWithinOneEdit } from '../../../server/search/approximate'
import { toSimplified } from '../../../server/search/simplified'

describe('tokenizing catalog text', () => {
  it('splits characters into distinct bigrams', () => {
    expect(bigramsOf('身份证')).toEqual(['身份', '份证'])
    expect(bigramsOf('证明证明')).toEqual(['证明', '明证'])
    expect(bigramsOf(['gao', 'ling'], ' ')).toEqual(['gao ling'])
  })

  it('normalizes names position by position, so ranges stay true to the displayed name', () => {
    const name = '住房公积金提取（租房）ＡＢ'
    const normalized = alignedNormalize(name)
    expect(normalized).toBe('住房公积金提取(租房)ab')
    expect(normalized).toHaveLength(name.length)
  })

  it('reads pinyin in context, one syllable per character, ü as v', () => {
    expect(syllablesOf('长者饭堂')).toEqual(['zhang', 'zhe', 'fan', 'tang'])
    expect(syllablesOf('绿化')).toEqual(['lv', 'hua'])
    expect(syllablesOf('提取(租房)')).toEqual(['ti', 'qu', '(', 'zu', 'fang', ')'])
    expect(initialsOf(syllablesOf('结婚登记'))).toEqual(['j', 'h', 'd', 'j'])
  })

  it('splits typed pinyin into the fewest syllables, or says it is not pinyin', () => {
    expect(syllabify('gongjijin')?.syllables).toEqual(['gong', 'ji', 'jin'])
    expect(syllabify('xian')?.syllables).toEqual(['xian'])
    expect(syllabify('sfz')).toBeNull()
    expect(syllabify('jhdj')).toBeNull()
    expect(syllabify('gongj')).toBeNull()
    expect(syllabify('gongj', true)).toEqual({ syllables: ['gong', 'j'], partialLast: true })
  })

  it('turns traditional characters into simplified ones', () => {
    expect(toSimplified('居住証 養老保險 高齡津貼')).toBe('居住证 养老保险 高龄津贴')
    expect(toSimplified('身份证')).toBe('身份证')
  })
})

describe('one-edit typo tolerance', () => {
  it('finds a stretch with one character substituted, missing or extra', () => {
    expect(findWithinOneEdit('居住正', '居住证申领')).toEqual({ start: 0, end: 3, edits: 1 })
    expect(findWithinOneEdit('公积提取', '住房公积金提取(租房)')).toEqual({ start: 2, end: 7, edits: 1 })
    expect(findWithinOneEdit('身份份证', '居民身份证申领')).toMatchObject({ edits: 1 })
    expect(findWithinOneEdit('gongjijn', 'zhufanggongjijintiqu')).toEqual({ start: 7, end: 15, edits: 1 })
  })

  it('prefers an exact match and rejects two edits', () => {
    expect(findWithinOneEdit('居住证', '申领居住证')).toEqual({ start: 2, end: 5, edits: 0 })
    expect(findWithinOneEdit('居民正明', '居住证申领')).toBeNull()
    expect(findWithinOneEdit('abc', 'xyz')).toBeNull()
  })
})

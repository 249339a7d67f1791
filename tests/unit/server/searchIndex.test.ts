import { SearchIndex } from '../../../server/search/searchIndex'
import type { SearchDoc } from '../../../server/search/indexedDoc'
import { analyzeQuery } from '../../../server/search/queryAnalysis'
import { bundledLexicon, compileLexicon } from '../../../server/search/lexiconIndex'
import { LEXICON } from '../../../server/search/lexicon'

function doc(code: string, name: string, extra: Partial<SearchDoc<null>> = {}): SearchDoc<null> {
  return { code, name, department: '龙华区民政局', topics: [], conditions: [], materials: [], views: 0, payload: null, ...extra }
}

const DOCS = [
  doc('000000000001', '居民身份证申领', { department: '公安局', topics: ['证件办理'], materials: ['居民户口簿'] }),
  doc('000000000002', '居民身份证补领', { department: '公安局', topics: ['证件办理'] }),
  doc('000000000003', '临时居民身份证申领', { department: '公安局', topics: ['证件办理'] }),
  doc('000000000004', '居住证申领', { department: '公安局', topics: ['证件办理'], materials: ['居民身份证'] }),
  doc('000000000005', '高龄老人津贴申领', { topics: ['养老服务'] }),
  doc('000000000006', '居家养老服务补贴申请', { topics: ['养老服务'] }),
  doc('000000000007', '死亡人员户口注销', { topics: ['死亡殡葬'] }),
  doc('000000000008', '食品经营许可', { department: '市场监督管理局', topics: ['准营准办'] }),
  doc('000000000009', '结婚登记', { topics: ['婚姻登记'] }),
  doc('000000000010', '社会保障卡申领', { topics: ['社会保障'] }),
]

const index = new SearchIndex(DOCS, bundledLexicon())
const names = (q: string) => index.search(q).hits.map((hit) => hit.doc.name)

describe('query analysis', () => {
  const lexicon = bundledLexicon()

  it('normalizes, simplifies and strips fillers before anything else', () => {
    expect(analyzeQuery('  我要办理 護照　', lexicon).text).toBe('护照')
    expect(analyzeQuery('ＳＦＺ', lexicon).text).toBe('sfz')
  })

  it('splits a query into concepts on lexicon words, longest first, also by pinyin (homophone typos)', () => {
    expect(analyzeQuery('老人过世', lexicon).concepts.map((c) => c.label)).toEqual(['老人', '过世'])
    expect(analyzeQuery('社保咔', lexicon).concepts.map((c) => c.label)).toEqual(['社保咔'])
    // Pinyin splits the same way, plus the whole run once more for the letter-typo pass.
    expect(analyzeQuery('gaolingjintie', lexicon).concepts.map((c) => c.label)).toEqual(['gaoling', 'jintie', 'gaolingjintie'])
  })

  it('has nothing to look for in punctuation, emoji or fillers alone', () => {
    for (const q of ['!!!', '😀', '怎么办理', '']) expect(analyzeQuery(q, lexicon).concepts).toEqual([])
  })

  it('compiles every lexicon group with words, and looks words up by pinyin and initials', () => {
    for (const group of LEXICON) expect(group.words.length).toBeGreaterThan(0)
    const compiled = compileLexicon()
    expect(compiled.bySyllables.get('gong ji jin')).toBeDefined()
    expect(compiled.byInitials.get('sfz')).toBeDefined()
  })
})

describe('ranking', () => {
  it('puts the exact name first, then names that start with the query', () => {
    expect(names('结婚登记')[0]).toBe('结婚登记')
    expect(names('居住证')[0]).toBe('居住证申领')
  })

  it('ranks names over synonyms over other fields', () => {
    // 养老服务 is in one name and in the topics of another.
    expect(names('养老服务')).toEqual(['居家养老服务补贴申请', '高龄老人津贴申领'])
    // 居民身份证 is a material of 居住证申领 too, but far weaker than the three names: not a result.
    expect(names('居民身份证').sort()).toEqual(['临时居民身份证申领', '居民身份证申领', '居民身份证补领'].sort())
    // 补贴 is in a name as typed; 津贴 only through the lexicon.
    expect(names('补贴')).toEqual(['居家养老服务补贴申请', '高龄老人津贴申领'])
  })

  it('weighs rare concepts over common ones', () => {
    expect(names('老人过世')[0]).toBe('死亡人员户口注销')
  })

  it('breaks ties by views, then by code', () => {
    const views = new SearchIndex(DOCS.map((d) => ({ ...d })), bundledLexicon())
    expect(views.search('身份证').hits.map((h) => h.doc.code).slice(0, 3)).toEqual(['000000000001', '000000000002', '000000000003'])
    views.countView('000000000003')
    expect(views.search('身份证').hits[0].doc.code).toBe('000000000003')
  })

  it('forgives typos: homophones, one wrong character, misspelt pinyin', () => {
    expect(names('居住正')[0]).toBe('居住证申领')
    expect(names('食品经营许河')[0]).toBe('食品经营许可')
    expect(names('jiehundengi')[0]).toBe('结婚登记')
  })

  it('does not list every item for a generic word next to nonsense', () => {
    expect(names('火星移民登记')).toEqual([])
    expect(names('登记').length).toBeGreaterThan(0)
  })

  it('narrows by a filter without letting weaker items in', () => {
    const hits = index.search('身份证', { accept: (d) => d.code === '000000000004' }).hits
    expect(hits.map((h) => h.doc.name)).toEqual([])
  })
})

describe('highlights', () => {
  const highlighted = (q: string, name: string) => {
    const { analyzed, hits } = index.search(q)
    const hit = hits.find((h) => h.doc.name === name)!
    return index.highlight(analyzed, hit.doc).map(([start, end]) => name.slice(start, end))
  }

  it('marks what matched in the name, whichever way it matched', () => {
    expect(highlighted('身份证', '居民身份证申领')).toEqual(['身份证'])
    expect(highlighted('sfz', '居民身份证申领')).toEqual(['身份证'])
    expect(highlighted('shebaoka', '社会保障卡申领')).toEqual(['社会保障卡'])
    expect(highlighted('高龄补贴', '高龄老人津贴申领')).toEqual(['高龄', '津贴'])
    expect(highlighted('居住正', '居住证申领')).toEqual(['居住证'])
  })
})

describe('suggestions while typing', () => {
  it('completes a half-typed pinyin syllable', () => {
    expect(index.search('jieh', { typing: true }).hits[0]?.doc.name).toBe('结婚登记')
  })

  it('offers related topics, or the largest, when nothing matched', () => {
    expect(index.relatedTopics(analyzeQuery('养老院火星', bundledLexicon()))).toContain('养老服务')
    expect(index.relatedTopics(analyzeQuery('qqqq', bundledLexicon()))).toHaveLength(4)
  })
})

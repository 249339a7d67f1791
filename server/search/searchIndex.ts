// The in-memory search index over the catalog: postings to find candidates fast, then scoring of each candidate.
//
// Ranking, strongest first: the whole query is the name (or its start); every concept of the query in the name as
// typed (characters, pinyin, initials; bigram overlap for longer text); in the name through the lexicon
// (synonyms, official terms); in other fields (topics, department, conditions, materials). Each concept counts
// by how rare its matches are (idf), so "过世" outweighs "老人" in 老人过世. Ties go to the most viewed item.
import { mergeRanges } from '../../src/domain/searchQuery'
import { analyzeQuery, type AnalyzedQuery, type Alternative } from './queryAnalysis'
import type { CompiledLexicon } from './lexiconIndex'
import {
  indexDoc,
  letterTrigrams,
  matchName,
  matchNameFuzzy,
  namePostingKeys,
  type IndexedDoc,
  type NameMatch,
  type OtherField,
  type Range,
  type SearchDoc,
} from './indexedDoc'
import { bigramsOf } from './textForms'

const FIELD_WEIGHT = { name: 10, topics: 3, department: 2, details: 1.5 }
const OTHER_FIELDS: OtherField[] = ['topics', 'department', 'details']
const EXACT_NAME_BONUS = 1000
const PREFIX_NAME_BONUS = 500
const CODE_BONUS = 2000
/** Items scoring under this share of the best item's concept score are noise, not results. */
const RELATIVE_CUTOFF = 0.25
/** A concept whose best name match is below this (no whole alternative in any name) gets the typo pass. */
const WEAK_CONCEPT = 0.6 * FIELD_WEIGHT.name
const SECONDARY_DF = 0.25

export interface SearchHit<Payload> {
  doc: SearchDoc<Payload>
  score: number
}

export interface SearchResult<Payload> {
  analyzed: AnalyzedQuery
  hits: SearchHit<Payload>[]
}

export interface SearchOptions<Payload> {
  /** As-you-type: the last pinyin syllable may be incomplete, only names count, no typo pass. */
  typing?: boolean
  /** Keeps only the items this accepts (topic, department and hall filters). */
  accept?: (doc: SearchDoc<Payload>) => boolean
}

function post(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key)
  if (list) list.push(id)
  else map.set(key, [id])
}

export class SearchIndex<Payload = unknown> {
  private readonly entries: IndexedDoc<Payload>[]
  private readonly byCode = new Map<string, number>()
  private readonly nameChars = new Map<string, number[]>()
  private readonly nameSyllables = new Map<string, number[]>()
  /**
   * The other fields by distinct text (departments and topics repeat across a catalog, and so do many materials):
   * each text is looked up once and its items all share the answer. fieldGrams posts text numbers by bigram.
   */
  private readonly fieldTexts: Array<{ field: OtherField; text: string; docs: number[] }> = []
  private readonly fieldGrams = new Map<string, number[]>()
  private readonly letterGrams = new Map<string, number[]>()
  /** Every topic with its item count, largest first (for "related topics" when nothing is found). */
  private readonly topics: Array<{ topic: string; count: number }>

  constructor(
    docs: SearchDoc<Payload>[],
    private readonly lexicon: CompiledLexicon,
  ) {
    this.entries = docs.map((doc) => indexDoc(doc))
    const textIds = new Map<string, number>()
    this.entries.forEach((entry, id) => {
      this.byCode.set(entry.doc.code, id)
      const keys = namePostingKeys(entry)
      for (const key of keys.chars) post(this.nameChars, key, id)
      for (const key of keys.syllables) post(this.nameSyllables, key, id)
      for (const gram of letterTrigrams(entry.pinyinLetters)) post(this.letterGrams, gram, id)
      for (const field of OTHER_FIELDS) {
        const key = `${field}\u0000${entry[field]}`
        const known = textIds.get(key)
        if (known !== undefined) {
          this.fieldTexts[known].docs.push(id)
          continue
        }
        const textId = this.fieldTexts.push({ field, text: entry[field], docs: [id] }) - 1
        textIds.set(key, textId)
        for (const gram of bigramsOf(entry[field])) post(this.fieldGrams, gram, textId)
      }
    })
    const counts = new Map<string, number>()
    for (const doc of docs) for (const topic of new Set(doc.topics)) counts.set(topic, (counts.get(topic) ?? 0) + 1)
    this.topics = Array.from(counts, ([topic, count]) => ({ topic, count })).sort((a, b) => b.count - a.count || (a.topic < b.topic ? -1 : 1))
  }

  /**
   * Topics to offer when a search found nothing: those sharing a word with the query or its synonyms
   * ("老人…" → 养老服务), else the largest topics.
   */
  relatedTopics(query: AnalyzedQuery, max = 4): string[] {
    const words = new Set<string>(bigramsOf(query.text.replace(/\s+/g, '')))
    for (const concept of query.concepts) {
      for (const alternative of concept.alternatives) {
        if (alternative.space === 'char' && alternative.tokens.length >= 2) {
          for (const gram of bigramsOf(alternative.tokens)) words.add(gram)
        }
      }
    }
    const related = this.topics.filter(({ topic }) => Array.from(words).some((word) => topic.includes(word)))
    return (related.length > 0 ? related : this.topics).slice(0, max).map(({ topic }) => topic)
  }

  get size(): number {
    return this.entries.length
  }

  /** The in-memory view count, bumped when a guide is opened so ties follow what people open right now. */
  countView(code: string): void {
    const id = this.byCode.get(code)
    if (id !== undefined) this.entries[id].doc.views++
  }

  setViews(views: Map<string, number>): void {
    for (const entry of this.entries) {
      const count = views.get(entry.doc.code)
      if (count !== undefined) entry.doc.views = count
    }
  }

  analyze(query: string, typing = false): AnalyzedQuery {
    return analyzeQuery(query, this.lexicon, { typing })
  }

  /** Every item that matches, best first (highlights come separately, for the page that is shown). */
  search(query: string, options: SearchOptions<Payload> = {}): SearchResult<Payload> {
    const analyzed = this.analyze(query, !!options.typing)
    if (analyzed.concepts.length === 0) return { analyzed, hits: [] }
    const scored = this.score(analyzed, !!options.typing)
    // The bar is set by the best item overall: a filter narrows the results, it never lets weaker ones in.
    const best = scored.reduce((max, hit) => Math.max(max, hit.conceptScore), 0)
    const hits = scored
      .filter((hit) => hit.bonus > 0 || (hit.conceptScore > 0 && hit.conceptScore >= best * RELATIVE_CUTOFF))
      .filter((hit) => !options.accept || options.accept(this.entries[hit.id].doc))
      .sort((a, b) => b.total - a.total || b.views - a.views || (a.code < b.code ? -1 : 1))
      .map((hit) => ({ doc: this.entries[hit.id].doc, score: hit.total }))
    return { analyzed, hits }
  }

  /** Highlight ranges in the name for the hits that are shown (computed for the page only). */
  highlight(query: AnalyzedQuery, doc: SearchDoc<Payload>): Range[] {
    const id = this.byCode.get(doc.code)
    if (id === undefined) return []
    const entry = this.entries[id]
    const ranges: Range[] = []
    if (query.phrase && entry.name.startsWith(query.phrase)) ranges.push([0, query.phrase.length])
    for (const concept of query.concepts) {
      let best: NameMatch | null = null
      let bestScore = 0
      for (const alternative of concept.alternatives) {
        const match = matchName(entry, alternative)
        if (match && match.factor * alternative.weight > bestScore) {
          best = match
          bestScore = match.factor * alternative.weight
        }
      }
      if (!best && concept.fuzzyText && concept.fuzzySpace) best = matchNameFuzzy(entry, concept.fuzzyText, concept.fuzzySpace)
      if (best) ranges.push(...best.ranges)
    }
    return mergeRanges(ranges)
  }

  private score(query: AnalyzedQuery, typing: boolean) {
    const conceptCount = query.concepts.length
    const n = this.entries.length
    const best = new Float64Array(n * conceptCount)
    const primary = new Uint8Array(n * conceptCount)
    const touched: number[] = []
    const seen = new Uint8Array(n)
    const touch = (id: number) => {
      if (!seen[id]) {
        seen[id] = 1
        touched.push(id)
      }
    }
    const offer = (id: number, c: number, value: number, isPrimary: boolean) => {
      touch(id)
      const slot = id * conceptCount + c
      if (value > best[slot]) best[slot] = value
      if (isPrimary) primary[slot] = 1
    }

    query.concepts.forEach((concept, c) => {
      let strongest = 0
      for (const alternative of concept.alternatives) {
        for (const id of this.nameCandidates(alternative)) {
          const match = matchName(this.entries[id], alternative)
          if (!match) continue
          const value = FIELD_WEIGHT.name * match.factor * alternative.weight
          strongest = Math.max(strongest, value)
          offer(id, c, value, true)
        }
        if (typing || alternative.space !== 'char' || alternative.tokens.length < 2) continue
        const term = alternative.tokens.join('')
        for (const textId of this.fieldCandidates(alternative)) {
          const { field, text, docs } = this.fieldTexts[textId]
          if (!text.includes(term)) continue
          for (const id of docs) offer(id, c, FIELD_WEIGHT[field] * alternative.weight, field === 'topics')
        }
      }
      if (!typing && strongest < WEAK_CONCEPT && concept.fuzzyText && concept.fuzzySpace) {
        for (const id of this.fuzzyCandidates(concept.fuzzyText, concept.fuzzySpace)) {
          const match = matchNameFuzzy(this.entries[id], concept.fuzzyText, concept.fuzzySpace)
          if (match) offer(id, c, FIELD_WEIGHT.name * match.factor, true)
        }
      }
    })

    // Document frequency counts name and topic matches fully and other-field matches a quarter: a word in every
    // item's materials (居民身份证) or department (深圳市…) says little about which item is meant.
    const idf = query.concepts.map((_, c) => {
      let df = 0
      for (const id of touched) {
        const slot = id * conceptCount + c
        if (primary[slot]) df += 1
        else if (best[slot] > 0) df += SECONDARY_DF
      }
      return Math.log(1 + n / (1 + df))
    })
    const codeId = query.code ? this.byCode.get(query.code) : undefined
    if (codeId !== undefined) touch(codeId)
    // "火星移民登记" must not list every 登记: an item needs a match on a concept that says which thing is meant.
    const specific = query.concepts.map((concept) => !concept.generic)
    const needsSpecific = specific.some(Boolean)

    return touched.map((id) => {
      const entry = this.entries[id]
      let conceptScore = 0
      let matchesSpecific = false
      for (let c = 0; c < conceptCount; c++) {
        const value = best[id * conceptCount + c]
        conceptScore += idf[c] * value
        if (value > 0 && specific[c]) matchesSpecific = true
      }
      if (needsSpecific && !matchesSpecific) conceptScore = 0
      let bonus = 0
      if (query.phrase && entry.name === query.phrase) bonus = EXACT_NAME_BONUS
      else if (query.phrase.length >= 2 && entry.name.startsWith(query.phrase)) bonus = PREFIX_NAME_BONUS
      if (id === codeId) bonus += CODE_BONUS
      return { id, conceptScore, bonus, total: conceptScore + bonus, views: entry.doc.views, code: entry.doc.code }
    })
  }

  private nameCandidates(alternative: Alternative): Iterable<number> {
    const { tokens, space } = alternative
    if (space === 'initials') return this.entries.keys()
    const postings = space === 'char' ? this.nameChars : this.nameSyllables
    const join = space === 'char' ? '' : ' '
    // Half-typed last syllable: look candidates up by the complete ones only.
    const complete = alternative.prefixLast ? tokens.slice(0, -1) : tokens
    if (complete.length === 0) return []
    if (complete.length === 1) return postings.get(complete[0]) ?? []
    const grams: string[] = []
    for (let i = 0; i + 1 < complete.length; i++) grams.push(complete[i] + join + complete[i + 1])
    if (alternative.partial) return unionOf(grams.map((gram) => postings.get(gram) ?? []))
    return rarest(grams.map((gram) => postings.get(gram) ?? []))
  }

  /** Distinct field texts that may contain the alternative. */
  private fieldCandidates(alternative: Alternative): Iterable<number> {
    const { tokens } = alternative
    const grams: number[][] = []
    for (let i = 0; i + 1 < tokens.length; i++) grams.push(this.fieldGrams.get(tokens[i] + tokens[i + 1]) ?? [])
    return rarest(grams)
  }

  /**
   * Items that can be within one edit: sharing all but one of the typed characters, or (pinyin letters) all but
   * three of the letter triples, since one edit changes at most three of them.
   */
  private fuzzyCandidates(text: string, space: 'char' | 'letters'): Iterable<number> {
    const keys = space === 'char' ? Array.from(new Set(text)) : letterTrigrams(text)
    const postings = space === 'char' ? this.nameChars : this.letterGrams
    const counts = new Map<number, number>()
    for (const key of keys) for (const id of postings.get(key) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1)
    const needed = Math.max(1, keys.length - (space === 'char' ? 1 : 3))
    return Array.from(counts.entries())
      .filter(([, count]) => count >= needed)
      .map(([id]) => id)
  }
}

function rarest(lists: number[][]): number[] {
  return lists.reduce((a, b) => (b.length < a.length ? b : a))
}

function unionOf(lists: number[][]): number[] {
  return Array.from(new Set(lists.flat()))
}

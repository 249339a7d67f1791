// One catalog item as the index holds it, and how one query alternative matches it.
import { findWithinOneEdit } from './approximate'
import type { Alternative } from './queryAnalysis'
import { initialsOf, syllablesOf } from './pinyinOf'
import { alignedNormalize, bigramsOf } from './textForms'
import { normalizeForSearch } from '../../src/domain/searchQuery'

export interface SearchDoc<Payload = unknown> {
  code: string
  name: string
  department: string
  topics: string[]
  conditions: string[]
  materials: string[]
  views: number
  /** Returned with each hit (the item summary). */
  payload: Payload
}

export interface IndexedDoc<Payload = unknown> {
  doc: SearchDoc<Payload>
  /** The name normalized position by position (see alignedNormalize). */
  name: string
  syllables: string[]
  /** One letter per position: 结婚登记 → jhdj. */
  initials: string
  /** The name's pinyin run together, and where each position's syllable starts in it (for letter typos). */
  pinyinLetters: string
  pinyinOffsets: number[]
  topics: string
  department: string
  /** Conditions and material names. */
  details: string
}

export function indexDoc<Payload>(doc: SearchDoc<Payload>): IndexedDoc<Payload> {
  const name = alignedNormalize(doc.name)
  const syllables = syllablesOf(name)
  const pinyinOffsets: number[] = []
  let pinyinLetters = ''
  for (const syllable of syllables) {
    pinyinOffsets.push(pinyinLetters.length)
    pinyinLetters += syllable
  }
  return {
    doc,
    name,
    syllables,
    initials: initialsOf(syllables).join(''),
    pinyinLetters,
    pinyinOffsets,
    topics: normalizeForSearch(doc.topics.join('\n')),
    department: normalizeForSearch(doc.department),
    details: normalizeForSearch([...doc.conditions, ...doc.materials].join('\n')),
  }
}

export type Range = [number, number]

export interface NameMatch {
  /** 1 for the whole alternative, less for part of it or within one edit. */
  factor: number
  ranges: Range[]
}

export const PARTIAL_FACTOR = 0.6
export const PARTIAL_MIN_COVERAGE = 0.5
export const FUZZY_FACTOR = 0.7

/** Where `tokens` occur in a row in `sequence` (the last token as a prefix when still being typed). */
function findSequence(sequence: string[], tokens: string[], prefixLast: boolean): number {
  const last = tokens.length - 1
  outer: for (let start = 0; start + tokens.length <= sequence.length; start++) {
    for (let i = 0; i <= last; i++) {
      const matches = i === last && prefixLast ? sequence[start + i].startsWith(tokens[i]) : sequence[start + i] === tokens[i]
      if (!matches) continue outer
    }
    return start
  }
  return -1
}

/** Bigram coverage of a literal that does not occur whole: 租房备案 in 房屋租赁合同登记备案 covers 备案. */
function partialMatch(found: (gram: [string, string]) => number, tokens: string[]): NameMatch | null {
  const ranges: Range[] = []
  let hits = 0
  for (let i = 0; i + 1 < tokens.length; i++) {
    const at = found([tokens[i], tokens[i + 1]])
    if (at >= 0) {
      hits++
      ranges.push([at, at + 2])
    }
  }
  const coverage = hits / (tokens.length - 1)
  return coverage >= PARTIAL_MIN_COVERAGE ? { factor: PARTIAL_FACTOR * coverage, ranges } : null
}

/** How an alternative matches the item's name, if it does. */
export function matchName(entry: IndexedDoc, alternative: Alternative): NameMatch | null {
  const { tokens } = alternative
  if (alternative.space === 'char') {
    const text = tokens.join('')
    const at = entry.name.indexOf(text)
    if (at >= 0) return { factor: 1, ranges: [[at, at + text.length]] }
    if (!alternative.partial) return null
    return partialMatch(([a, b]) => entry.name.indexOf(a + b), tokens)
  }
  if (alternative.space === 'syllable') {
    const at = findSequence(entry.syllables, tokens, alternative.prefixLast)
    if (at >= 0) return { factor: 1, ranges: [[at, at + tokens.length]] }
    if (!alternative.partial) return null
    return partialMatch((gram) => findSequence(entry.syllables, gram, false), tokens)
  }
  const at = entry.initials.indexOf(tokens.join(''))
  return at >= 0 ? { factor: 1, ranges: [[at, at + tokens.length]] } : null
}

export type OtherField = 'topics' | 'department' | 'details'

/** The typo-tolerant pass: typed characters or pinyin letters within one edit of part of the name. */
export function matchNameFuzzy(entry: IndexedDoc, text: string, space: 'char' | 'letters'): NameMatch | null {
  if (space === 'char') {
    const hit = findWithinOneEdit(text, entry.name)
    return hit ? { factor: FUZZY_FACTOR, ranges: [[hit.start, hit.end]] } : null
  }
  const hit = findWithinOneEdit(text, entry.pinyinLetters)
  if (!hit) return null
  // Back from letter offsets to name positions: the syllables the stretch touches.
  const first = lastOffsetAtOrBefore(entry.pinyinOffsets, hit.start)
  const last = lastOffsetAtOrBefore(entry.pinyinOffsets, Math.max(hit.start, hit.end - 1))
  return { factor: FUZZY_FACTOR, ranges: [[first, last + 1]] }
}

function lastOffsetAtOrBefore(offsets: number[], letter: number): number {
  let position = 0
  while (position + 1 < offsets.length && offsets[position + 1] <= letter) position++
  return position
}

/** Keys under which a doc is posted: name character unigrams and bigrams, syllable unigrams and bigrams. */
export function namePostingKeys(entry: IndexedDoc): { chars: string[]; syllables: string[] } {
  const chars = new Set<string>([...entry.name, ...bigramsOf(entry.name)])
  const syllables = new Set<string>([...entry.syllables, ...bigramsOf(entry.syllables, ' ')])
  return { chars: Array.from(chars), syllables: Array.from(syllables) }
}

/** Overlapping letter triples of the name's pinyin: candidates for the letter-typo pass. */
export function letterTrigrams(letters: string): string[] {
  const grams = new Set<string>()
  for (let i = 0; i + 3 <= letters.length; i++) grams.add(letters.slice(i, i + 3))
  return Array.from(grams)
}

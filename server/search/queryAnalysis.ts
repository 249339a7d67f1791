// From what a resident typed to what the index looks for: normalized text split into concepts ("老人" + "补贴"),
// each with alternatives (the words as typed, their pinyin, synonyms and official terms from the lexicon).
import { hasSearchableText, normalizeForSearch, stripFillers } from '../../src/domain/searchQuery'
import type { CompiledLexicon } from './lexiconIndex'
import { syllabify } from './pinyinSyllables'
import { syllablesOf } from './pinyinOf'
import { toSimplified } from './simplified'

export type Space = 'char' | 'syllable' | 'initials'

export interface Alternative {
  space: Space
  /** Characters (char space), syllables or letters (initials). */
  tokens: string[]
  weight: number
  /** Literal text may match in part (its bigrams); lexicon terms must match whole. */
  partial: boolean
  /** The last token is still being typed: it matches the start of a syllable. */
  prefixLast: boolean
  /** Origin, for highlighting and tests: typed, pinyin, initials, synonym, official, related. */
  source: 'typed' | 'pinyin' | 'initials' | 'synonym' | 'official' | 'related'
}

export interface Concept {
  /** What the resident typed for it. */
  label: string
  alternatives: Alternative[]
  /** Typed CJK text or letters, for the typo-tolerant pass when nothing matched. */
  fuzzyText: string | null
  fuzzySpace: 'char' | 'letters' | null
  /** Only says what kind of thing is wanted (登记, 申请): matching it alone does not make a result. */
  generic: boolean
}

export interface AnalyzedQuery {
  /** Normalized, simplified, fillers removed. */
  text: string
  /** The text without spaces: compared with whole names for exact and prefix matches. */
  phrase: string
  concepts: Concept[]
  /** A 12-character item code typed as is. */
  code: string | null
}

export const WEIGHT = {
  typed: 1,
  loneCharacter: 0.5,
  homophone: 0.9,
  pinyin: 0.9,
  initials: 0.8,
  /** Typed letters that are exactly a lexicon word's initials (jsz → 驾驶证) beat a stretch of some name's initials. */
  initialsOfWord: 0.85,
  initialsOfVariant: 0.6,
  synonym: 0.9,
  /** The official term a colloquial word stands for is what the resident means, a little above mere synonyms. */
  official: 0.95,
  related: 0.5,
}

const RUN = /[\u3400-\u9fff]+|[a-z]+|[0-9]+/g

export function analyzeQuery(raw: string, lexicon: CompiledLexicon, options: { typing?: boolean } = {}): AnalyzedQuery {
  const text = stripFillers(normalizeForSearch(toSimplified(normalizeForSearch(raw))))
  const empty: AnalyzedQuery = { text, phrase: '', concepts: [], code: null }
  if (!text || !hasSearchableText(text)) return empty
  const runs = text.match(RUN) ?? []
  const concepts: Concept[] = []
  runs.forEach((run, index) => {
    const last = index === runs.length - 1
    if (/^[a-z]/.test(run)) concepts.push(...letterConcepts(run, lexicon, !!options.typing && last))
    else if (/^[0-9]/.test(run)) concepts.push(literalConcept(run, false))
    else concepts.push(...chineseConcepts(run, lexicon))
  })
  const code = runs.find((run) => /^[0-9]{12}$/.test(run)) ?? null
  return { text, phrase: runs.join(''), concepts: concepts.slice(0, 12), code }
}

function alt(space: Space, tokens: string[], weight: number, source: Alternative['source'], partial = false, prefixLast = false): Alternative {
  return { space, tokens, weight, partial, prefixLast, source }
}

function literalConcept(text: string, withPinyin: boolean): Concept {
  const chars = Array.from(text)
  const long = chars.length >= 3
  // A lone character outside the lexicon (the 交 of 养老保险怎么交) narrows little and matches much.
  const weight = chars.length === 1 ? WEIGHT.loneCharacter : WEIGHT.typed
  const alternatives = [alt('char', chars, weight, 'typed', long)]
  // Homophones: IMEs turn 居住证 into 居住正 and 社保卡 into 社保咔; matching on pinyin forgives them.
  if (withPinyin && chars.length >= 2) alternatives.push(alt('syllable', syllablesOf(text), WEIGHT.homophone, 'pinyin', long))
  return { label: text, alternatives, fuzzyText: long ? text : null, fuzzySpace: long ? 'char' : null, generic: false }
}

/** All the terms a matched lexicon word stands for; the word as typed counts most. */
function lexiconAlternatives(lexicon: CompiledLexicon, groupIds: number[], typed: string | null, weightOfTyped: number): Alternative[] {
  const best = new Map<string, Alternative>()
  const offer = (term: string, weight: number, source: Alternative['source']) => {
    const known = best.get(term)
    if (!known || known.weight < weight) best.set(term, alt('char', Array.from(term), weight, source))
  }
  for (const id of groupIds) {
    const group = lexicon.groups[id]
    for (const word of group.words) offer(word, WEIGHT.synonym, 'synonym')
    for (const term of group.means) offer(term, WEIGHT.official, 'official')
    for (const term of group.related) offer(term, WEIGHT.related, 'related')
  }
  if (typed) offer(typed, weightOfTyped, 'typed')
  return Array.from(best.values())
}

function allGeneric(lexicon: CompiledLexicon, groupIds: number[]): boolean {
  return groupIds.every((id) => lexicon.groups[id].generic)
}

interface LexiconHit {
  length: number
  groups: number[]
  homophone: boolean
}

/** The longest lexicon word starting at `start`, by characters or (longer only) by pinyin. */
function longestLexiconWord(chars: string[], syllables: string[], start: number, lexicon: CompiledLexicon): LexiconHit | null {
  let hit: LexiconHit | null = null
  for (let length = Math.min(lexicon.longestWord, chars.length - start); length >= 1; length--) {
    const groups = lexicon.byWord.get(chars.slice(start, start + length).join(''))
    if (groups) {
      hit = { length, groups, homophone: false }
      break
    }
  }
  for (let length = Math.min(lexicon.longestWord, chars.length - start); length >= 2 && length > (hit?.length ?? 0); length--) {
    const groups = lexicon.bySyllables.get(syllables.slice(start, start + length).join(' '))
    if (groups) return { length, groups, homophone: true }
  }
  return hit
}

function chineseConcepts(run: string, lexicon: CompiledLexicon): Concept[] {
  const chars = Array.from(run)
  const syllables = syllablesOf(run)
  const concepts: Concept[] = []
  let literalStart = 0
  const flushLiteral = (end: number) => {
    if (end > literalStart) concepts.push(literalConcept(chars.slice(literalStart, end).join(''), true))
  }
  for (let i = 0; i < chars.length; ) {
    const hit = longestLexiconWord(chars, syllables, i, lexicon)
    if (!hit) {
      i++
      continue
    }
    flushLiteral(i)
    const typed = chars.slice(i, i + hit.length).join('')
    const alternatives = lexiconAlternatives(lexicon, hit.groups, typed, WEIGHT.typed)
    if (hit.homophone) alternatives.push(alt('syllable', syllables.slice(i, i + hit.length), WEIGHT.homophone, 'pinyin'))
    concepts.push({ label: typed, alternatives, fuzzyText: null, fuzzySpace: null, generic: allGeneric(lexicon, hit.groups) })
    i += hit.length
    literalStart = i
  }
  flushLiteral(chars.length)
  return concepts
}

/** Letters: a Latin lexicon word (ktv), pinyin ("shebao", "gaolingjintie") or initials ("sfz", "jhdj"). */
function letterConcepts(run: string, lexicon: CompiledLexicon, typing: boolean): Concept[] {
  const direct = lexicon.byWord.get(run)
  if (direct) return [{ label: run, alternatives: lexiconAlternatives(lexicon, direct, run, WEIGHT.typed), fuzzyText: null, fuzzySpace: null, generic: allGeneric(lexicon, direct) }]
  const spelled = syllabify(run, typing)
  if (spelled) return pinyinConcepts(run, spelled.syllables, spelled.partialLast, lexicon)
  const alternatives = [alt('initials', Array.from(run), WEIGHT.initials, 'initials')]
  if (run.length >= 2) {
    // sfz is 身份证 (the usual name of its group) far more often than 送房子 (a variant in another group).
    const heads = lexicon.byHeadInitials.get(run) ?? []
    const others = (lexicon.byInitials.get(run) ?? []).filter((id) => !heads.includes(id))
    const scaled = (ids: number[], factor: number) =>
      lexiconAlternatives(lexicon, ids, null, 0).map((a) => ({ ...a, weight: Math.min(a.weight, WEIGHT.synonym) * factor }))
    if (heads.length > 0) alternatives.push(...scaled(heads, WEIGHT.initialsOfWord / WEIGHT.synonym))
    if (others.length > 0) alternatives.push(...scaled(others, WEIGHT.initialsOfVariant))
  }
  return [{ label: run, alternatives, fuzzyText: run.length >= 5 ? run : null, fuzzySpace: run.length >= 5 ? 'letters' : null, generic: false }]
}

function pinyinConcepts(run: string, syllables: string[], partialLast: boolean, lexicon: CompiledLexicon): Concept[] {
  const concepts: Concept[] = []
  let literalStart = 0
  const flushLiteral = (end: number) => {
    const tokens = syllables.slice(literalStart, end)
    const endsTyping = partialLast && end === syllables.length
    // A lone half-typed syllable ("zh") says too little to search with.
    if (tokens.length === 0 || (tokens.length === 1 && endsTyping)) return
    concepts.push({
      label: tokens.join(''),
      alternatives: [alt('syllable', tokens, WEIGHT.pinyin, 'pinyin', tokens.length >= 3, endsTyping)],
      fuzzyText: null,
      fuzzySpace: null,
      generic: false,
    })
  }
  const complete = partialLast ? syllables.length - 1 : syllables.length
  for (let i = 0; i < complete; ) {
    let found: { length: number; groups: number[] } | null = null
    for (let length = Math.min(8, complete - i); length >= 2; length--) {
      const groups = lexicon.bySyllables.get(syllables.slice(i, i + length).join(' '))
      if (groups) {
        found = { length, groups }
        break
      }
    }
    if (!found) {
      i++
      continue
    }
    flushLiteral(i)
    const tokens = syllables.slice(i, i + found.length)
    const alternatives = lexiconAlternatives(lexicon, found.groups, null, 0)
    alternatives.push(alt('syllable', tokens, WEIGHT.pinyin, 'pinyin'))
    concepts.push({ label: tokens.join(''), alternatives, fuzzyText: null, fuzzySpace: null, generic: allGeneric(lexicon, found.groups) })
    i += found.length
    literalStart = i
  }
  flushLiteral(syllables.length)
  if (concepts.length === 0) return []
  // Misspelt pinyin can still split into real syllables (jiashizhen: jia shi zhen): the whole run also gets the
  // letter-level typo pass, as one more concept when the run split into several.
  if (concepts.length === 1 && run.length >= 5) {
    concepts[0].fuzzyText = run
    concepts[0].fuzzySpace = 'letters'
  } else if (run.length >= 6) {
    concepts.push({ label: run, alternatives: [], fuzzyText: run, fuzzySpace: 'letters', generic: false })
  }
  return concepts
}

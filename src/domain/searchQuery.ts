// Query normalization shared by the client (light: highlight, mocks) and the server (full: the search index, which
// also converts traditional characters with opencc on top of this). Pure string work: no Taro, no Node.

/** NFKC (full-width → half-width), lower case, collapsed white space. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
}

/**
 * Words that say how someone asks, not what they ask for. Longest first, so "需要什么材料" goes before "需要什么".
 * Removed anywhere in the query: none of them is part of an item's name in a way that helps find it ("办理" is in
 * several names, but a resident who adds it to "护照办理" wants the passport, not any item that says 办理).
 */
const FILLER_PHRASES = [
  '需要什么材料', '需要哪些材料', '要带什么材料', '要什么材料', '需要带什么', '需要准备什么', '要准备什么',
  '需要什么证', '要什么证件', '要什么证', '要办什么证', '需要什么', '需要哪些', '要带什么', '要什么',
  '怎么办理', '如何办理', '怎样办理', '在哪里办', '去哪里办', '到哪里办', '去哪里', '到哪里', '在哪里', '在哪办', '去哪办', '哪里办',
  '怎么申请', '如何申请', '怎么弄', '怎么搞', '怎么办', '咋办', '咋弄',
  '我想要', '我要', '我想', '想要', '请问', '帮我', '一下',
  '怎么样', '怎么', '怎样', '如何', '咋', '办理', '手续', '流程',
  '哪里', '哪儿', '去哪', '在哪', '到哪', '什么时候', '多久', '可以吗', '能不能',
]

/**
 * Leading verbs and trailing particles, removed only at the edges: "办身份证", "身份证到期了" (吧 is left alone: 网吧, 酒吧).
 */
const LEADING_FILLERS = ['办个', '办张', '办一下', '办', '去', '要', '给', '帮']
const TRAILING_FILLERS = ['了', '的', '啦', '吗', '呢', '啊', '呀']

const FILLER_PATTERN = new RegExp(FILLER_PHRASES.join('|'), 'g')

/** Removes the filler words from an already normalized query; returns '' when nothing else was said. */
export function stripFillers(normalized: string): string {
  const parts = normalized
    .replace(FILLER_PATTERN, ' ')
    .split(' ')
    .map((part) => trimEdges(part))
    .filter(Boolean)
  return parts.join(' ')
}

function trimEdges(part: string): string {
  let text = part
  for (const lead of LEADING_FILLERS) {
    // Keep the word when the filler is all there is or when it starts a longer name word ("办理" already went).
    if (text.startsWith(lead) && text.length > lead.length + 1) {
      text = text.slice(lead.length)
      break
    }
  }
  for (const tail of TRAILING_FILLERS) {
    if (text.endsWith(tail) && text.length > tail.length + 1) text = text.slice(0, -tail.length)
  }
  return text
}

/** Anything that can match: letters, digits or CJK. A query of only punctuation or emoji has none. */
export function hasSearchableText(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text)
}

/**
 * The plain normalization every search goes through, on both ends: NFKC (full-width → half-width), lower case,
 * collapsed white space. Returns the terms to match; an empty list means "no query: browse".
 */
export function searchTerms(raw: string | undefined | null): string[] {
  if (!raw) return []
  const normalized = normalizeForSearch(raw)
  if (!normalized) return []
  return Array.from(new Set(normalized.split(' '))).slice(0, 8)
}

/** [start, end) ranges of `name` that contain any of the terms, merged; used to highlight matches. */
export function matchRanges(name: string, terms: string[]): Array<[number, number]> {
  const lower = name.toLowerCase()
  const ranges: Array<[number, number]> = []
  for (const term of terms) {
    if (!term) continue
    let from = lower.indexOf(term)
    while (from >= 0) {
      ranges.push([from, from + term.length])
      from = lower.indexOf(term, from + term.length)
    }
  }
  return mergeRanges(ranges)
}

/** Sorts ranges and merges the ones that overlap or touch. */
export function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0])
  const merged: Array<[number, number]> = []
  for (const range of sorted) {
    const last = merged[merged.length - 1]
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([range[0], range[1]])
  }
  return merged
}

// The lexicon, ready for looking words up in a query: by the word itself, by its pinyin (so "shebao" and the
// homophone typo 社保咔 find 社保 / 社保卡), and by its initials ("sfz", "gjj").
import { LEXICON, type LexiconGroup } from './lexicon'
import { syllablesOf, initialsOf } from './pinyinOf'
import { isCjk } from './textForms'

export interface CompiledLexicon {
  groups: LexiconGroup[]
  byWord: Map<string, number[]>
  bySyllables: Map<string, number[]>
  /** Initials of every word, and (headInitials) of each group's first word, its usual name. */
  byInitials: Map<string, number[]>
  byHeadInitials: Map<string, number[]>
  longestWord: number
}

function add(map: Map<string, number[]>, key: string, groupId: number): void {
  const ids = map.get(key)
  if (!ids) map.set(key, [groupId])
  else if (!ids.includes(groupId)) ids.push(groupId)
}

export function compileLexicon(groups: LexiconGroup[] = LEXICON): CompiledLexicon {
  const byWord = new Map<string, number[]>()
  const bySyllables = new Map<string, number[]>()
  const byInitials = new Map<string, number[]>()
  const byHeadInitials = new Map<string, number[]>()
  let longestWord = 1
  groups.forEach((group, id) => {
    group.words.forEach((word, position) => {
      add(byWord, word, id)
      longestWord = Math.max(longestWord, word.length)
      // Pinyin and initials only for all-Chinese words of two or more characters: one syllable or one letter
      // would match far too much.
      if (word.length < 2 || !Array.from(word).every(isCjk)) return
      const syllables = syllablesOf(word)
      add(bySyllables, syllables.join(' '), id)
      const initials = initialsOf(syllables).join('')
      add(byInitials, initials, id)
      if (position === 0) add(byHeadInitials, initials, id)
    })
  })
  return { groups, byWord, bySyllables, byInitials, byHeadInitials, longestWord }
}

let compiled: CompiledLexicon | null = null

/** The bundled lexicon, compiled once per process. */
export function bundledLexicon(): CompiledLexicon {
  compiled ??= compileLexicon()
  return compiled
}

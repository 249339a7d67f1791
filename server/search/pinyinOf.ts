// pinyin-pro stays on the server: the index computes every name's pinyin once, at build time.
import { pinyin } from 'pinyin-pro'

const CJK = /[\u3400-\u9fff]/

/**
 * One entry per UTF-16 unit of `text` (already normalized): the toneless pinyin of a Chinese character (ü as v,
 * read in context, so 长者 is zhang zhe), anything else as it is. Aligned with the text, so a match found on the
 * pinyin highlights the same positions in the name.
 */
export function syllablesOf(text: string): string[] {
  if (!CJK.test(text)) return Array.from(text)
  const read = pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'spaced' })
  if (read.length === text.length) return read.map((syllable, i) => (CJK.test(text[i]) ? syllable : text[i]))
  // Characters outside the basic plane make the lengths differ: read them one by one instead.
  return Array.from(text, (ch) => (CJK.test(ch) ? pinyin(ch, { toneType: 'none', v: true }) : ch))
}

/** First letters of the syllables: 结婚登记 → j h d j. */
export function initialsOf(syllables: string[]): string[] {
  return syllables.map((syllable) => syllable[0] ?? '')
}

/**
 * A sentence for people to read, as a message key plus the values to fill in. Domain rules decide WHAT to say and
 * stay free of any language; the app's i18n layer (src/i18n) words it in Chinese or English.
 */
export interface Phrase<Key extends string = string> {
  key: Key
  params?: Record<string, string | number>
}

/** The browser's preferred language, e.g. `zh-CN` or `en-GB`. */
export function readSystemLocale(): string | null {
  return typeof navigator === 'undefined' ? null : navigator.languages?.[0] ?? navigator.language ?? null
}

import { en } from './en'
import { zh } from './zh'

export type Language = 'zh' | 'en'
export type MessageKey = keyof typeof zh
export type MessageParams = Record<string, string | number>

const catalogs: Record<Language, Record<MessageKey, string>> = { zh, en }

let current: Language = 'zh'
const listeners = new Set<(language: Language) => void>()

/** The language pages, dialogs and API requests use now. */
export function currentLanguage(): Language {
  return current
}

export function setCurrentLanguage(language: Language): void {
  if (language === current) return
  current = language
  listeners.forEach((listener) => listener(language))
}

export function onLanguageChange(listener: (language: Language) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** `zh-CN`, `zh_TW`, `en-GB` … → the closest language the app has; Chinese for anything else. */
export function languageFromLocale(locale: string | null | undefined): Language {
  return (locale ?? '').toLowerCase().startsWith('en') ? 'en' : 'zh'
}

export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = catalogs[language][key] ?? zh[key]
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** For code outside components (dialogs, stores); components use `useT()` so they redraw on a switch. */
export function t(key: MessageKey, params?: MessageParams): string {
  return translate(current, key, params)
}

export const messageCatalogs = catalogs

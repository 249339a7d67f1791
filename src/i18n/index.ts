import { loadEnglishMessages } from '@/platform/englishMessages'
import { zh } from './zh'
import type { queueZh } from './queue.zh'
import type { bookingZh } from './booking.zh'
import type { gridZh } from './grid.zh'
import type { guideZh } from './guide.zh'
import type { progressZh } from './progress.zh'
import type { applyZh } from './apply.zh'
import type { generalZh } from './general.zh'
import type { notifyZh } from './notify.zh'

export type Language = 'zh' | 'en'
/**
 * Every key of every dictionary, so `t` and `useT` reject a key that exists nowhere. Keys of a page group's
 * dictionary (queue, booking, grid) show once that dictionary is registered: its pages import src/i18n/<group>.ts.
 */
export type MessageKey =
  | keyof typeof zh
  | keyof typeof queueZh
  | keyof typeof bookingZh
  | keyof typeof gridZh
  | keyof typeof guideZh
  | keyof typeof progressZh
  | keyof typeof applyZh
  | keyof typeof generalZh
  | keyof typeof notifyZh
export type MessageParams = Record<string, string | number>
type Catalog = Partial<Record<MessageKey, string>>
/** One page group's sentences in both languages; the English one must have the same keys (TypeScript checks). */
export interface Dictionary<K extends MessageKey> {
  zh: Record<K, string>
  en: Record<K, string>
}

// Chinese is the default and the fallback, so it is always there; English joins when someone switches to it.
const catalogs: Record<Language, Catalog> = { zh: { ...zh }, en: {} }
let englishLoading: Promise<void> | null = null

let current: Language = 'zh'
let revision = 0
const listeners = new Set<(language: Language) => void>()

function notify(): void {
  revision += 1
  listeners.forEach((listener) => listener(current))
}

/** The language pages, dialogs and API requests use now. */
export function currentLanguage(): Language {
  return current
}

/** Changes whenever what `t` answers may change: a language switch or a dictionary arriving. */
export function messagesRevision(): number {
  return revision
}

function requestEnglish(): Promise<void> {
  englishLoading ??= loadEnglishMessages().then(
    (english) => {
      Object.assign(catalogs.en, english)
      if (current === 'en') notify()
    },
    // Offline before the English file was cached: Chinese stays on screen; the next switch tries again.
    () => {
      englishLoading = null
    },
  )
  return englishLoading
}

/** Settles once the current language's sentences are in (English is fetched on the first switch to it in H5). */
export function languageReady(): Promise<void> {
  return current === 'en' ? requestEnglish() : Promise.resolve()
}

export function setCurrentLanguage(language: Language): void {
  if (language === 'en') void requestEnglish()
  if (language === current) return
  current = language
  notify()
}

/** Called on a language switch and when a dictionary arrives, so what is on screen can be redrawn. */
export function onLanguageChange(listener: (language: Language) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Adds a page group's sentences; its module calls this once when the first page that needs them loads. */
export function registerMessages<K extends MessageKey>(dictionary: Dictionary<K>): void {
  Object.assign(catalogs.zh, dictionary.zh)
  Object.assign(catalogs.en, dictionary.en)
  notify()
}

/** `zh-CN`, `zh_TW`, `en-GB` … → the closest language the app has; Chinese for anything else. */
export function languageFromLocale(locale: string | null | undefined): Language {
  return (locale ?? '').toLowerCase().startsWith('en') ? 'en' : 'zh'
}

export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = catalogs[language][key] ?? catalogs.zh[key] ?? key
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** For code outside components (dialogs, stores); components use `useT()` so they redraw on a switch. */
export function t(key: MessageKey, params?: MessageParams): string {
  return translate(current, key, params)
}

/** What is registered so far, per language (tests read it). */
export const messageCatalogs: Readonly<Record<Language, Catalog>> = catalogs

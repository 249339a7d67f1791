import type { en } from '@/i18n/en'

/** In H5 the English sentences are a separate file, fetched the first time someone switches to English. */
export function loadEnglishMessages(): Promise<typeof en> {
  return import(/* webpackChunkName: "i18n-en" */ '@/i18n/en').then((module) => module.en)
}

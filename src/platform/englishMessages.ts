import { en } from '@/i18n/en'

/** The mini-program ships English in its package (no code loading at run time there). */
export function loadEnglishMessages(): Promise<typeof en> {
  return Promise.resolve(en)
}

import type { Phrase } from '@/domain/phrase'
import { registerMessages, translate, type Language, type MessageKey } from '@/i18n'
import { zh } from '@/i18n/zh'
import { en } from '@/i18n/en'
import '@/i18n/guide'
import '@/i18n/progress'

// The app fetches the English core on the first switch to it; unit tests word phrases in both languages at once.
registerMessages({ zh, en })

/** A domain phrase worded as a page would word it (Chinese unless asked). */
export const say = (phrase: Phrase<MessageKey>, language: Language = 'zh') => translate(language, phrase.key, phrase.params)

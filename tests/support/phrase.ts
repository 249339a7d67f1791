import type { Phrase } from '@/domain/phrase'
import { translate, type Language, type MessageKey } from '@/i18n'

/** A domain phrase worded as a page would word it (Chinese unless asked). */
export const say = (phrase: Phrase<MessageKey>, language: Language = 'zh') => translate(language, phrase.key, phrase.params)

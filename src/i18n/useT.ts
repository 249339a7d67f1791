import { useCallback, useSyncExternalStore } from 'react'
import { currentLanguage, messagesRevision, onLanguageChange, translate, type Language, type MessageKey, type MessageParams } from './index'

const subscribe = (onChange: () => void) => onLanguageChange(onChange)

export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, currentLanguage, currentLanguage)
}

/** `t` for components: the page redraws in the new language as soon as it is switched (or its sentences arrive). */
export function useT(): (key: MessageKey, params?: MessageParams) => string {
  const language = useLanguage()
  // A new revision means new sentences behind the same keys, so `t` must change for memoised children too.
  const revision = useSyncExternalStore(subscribe, messagesRevision, messagesRevision)
  return useCallback((key: MessageKey, params?: MessageParams) => translate(language, key, params), [language, revision])
}

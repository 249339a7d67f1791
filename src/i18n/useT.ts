import { useCallback, useSyncExternalStore } from 'react'
import { currentLanguage, onLanguageChange, translate, type Language, type MessageKey, type MessageParams } from './index'

const subscribe = (onChange: () => void) => onLanguageChange(onChange)

export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, currentLanguage, currentLanguage)
}

/** `t` for components: the page redraws in the new language as soon as it is switched. */
export function useT(): (key: MessageKey, params?: MessageParams) => string {
  const language = useLanguage()
  return useCallback((key: MessageKey, params?: MessageParams) => translate(language, key, params), [language])
}

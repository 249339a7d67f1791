import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { deviceStorage } from '@/platform/storage'
import { languageFromLocale, setCurrentLanguage, type Language } from '@/i18n'

export type LanguageChoice = 'system' | Language

interface LanguageState {
  /** What the person picked in 我的; `system` follows the phone (WeChat's language or the browser's). */
  choice: LanguageChoice
  systemLanguage: Language
  choose(choice: LanguageChoice): void
  followSystemLocale(locale: string | null | undefined): void
}

function apply(state: Pick<LanguageState, 'choice' | 'systemLanguage'>): void {
  const language = state.choice === 'system' ? state.systemLanguage : state.choice
  setCurrentLanguage(language)
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn')
}

export const useLanguageStore = create<LanguageState>()(
  persist(
    (set, get) => ({
      choice: 'system',
      systemLanguage: 'zh',
      choose: (choice) => {
        set({ choice })
        apply(get())
      },
      followSystemLocale: (locale) => {
        set({ systemLanguage: languageFromLocale(locale) })
        apply(get())
      },
    }),
    {
      name: 'banshi.language',
      storage: createJSONStorage(() => deviceStorage),
      partialize: ({ choice }) => ({ choice }),
      onRehydrateStorage: () => (state) => {
        if (state) apply(state)
      },
    },
  ),
)

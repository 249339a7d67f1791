import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { deviceStorage } from '@/platform/storage'

const KEPT = 8

interface RecentSearchesState {
  /** Most recent first, no repeats. */
  queries: string[]
  remember(query: string): void
  forget(query: string): void
  clear(): void
}

/** What this phone searched for lately, kept on the device only (never sent anywhere); clearable. */
export const useRecentSearchesStore = create<RecentSearchesState>()(
  persist(
    (set) => ({
      queries: [],
      remember: (query) =>
        set((state) => {
          const trimmed = query.trim()
          if (!trimmed) return state
          return { queries: [trimmed, ...state.queries.filter((q) => q !== trimmed)].slice(0, KEPT) }
        }),
      forget: (query) => set((state) => ({ queries: state.queries.filter((q) => q !== query) })),
      clear: () => set({ queries: [] }),
    }),
    {
      name: 'banshi.recentSearches',
      version: 1,
      storage: createJSONStorage(() => deviceStorage),
      partialize: (state) => ({ queries: state.queries }),
    },
  ),
)

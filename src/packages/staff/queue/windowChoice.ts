import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { deviceStorage } from '@/platform/storage'

export interface WindowChoice {
  hallId: string
  windowNo: number
  /** The queue categories this window calls from. */
  categoryIds: string[]
}

interface WindowChoiceState {
  choice: WindowChoice | null
  choose(choice: WindowChoice): void
  clear(): void
}

/** The window a member of staff works at, remembered on this device: the same desk most days. */
export const useWindowChoiceStore = create<WindowChoiceState>()(
  persist(
    (set) => ({
      choice: null,
      choose: (choice) => set({ choice }),
      clear: () => set({ choice: null }),
    }),
    {
      name: 'banshi.staffWindow',
      version: 1,
      storage: createJSONStorage(() => deviceStorage),
      partialize: (state) => ({ choice: state.choice }),
    },
  ),
)

import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { deviceStorage } from '@/platform/storage'
import { prefersLargeText, type SystemTextSize } from '@/domain/textSize'

interface DisplayModeState {
  /** 长辈版: larger text and targets, a simpler home, a call button on every page. */
  elderly: boolean
  /** The person has answered the first-launch offer or switched the mode themselves: stop asking. */
  decided: boolean
  /** Switched on because the phone's text size is large, not by the person: say so, with a way back. */
  automatic: boolean
  setElderly(on: boolean): void
  dismissOffer(): void
  /** Called at launch: large system text switches 长辈版 on unless the person has already chosen. */
  followSystemTextSize(size: SystemTextSize): void
}

export const useDisplayModeStore = create<DisplayModeState>()(
  persist(
    (set, get) => ({
      elderly: false,
      decided: false,
      automatic: false,
      setElderly: (on) => set({ elderly: on, decided: true, automatic: false }),
      dismissOffer: () => set({ decided: true }),
      followSystemTextSize: (size) => {
        if (get().decided || get().elderly) return
        if (prefersLargeText(size)) set({ elderly: true, automatic: true })
      },
    }),
    {
      name: 'banshi.displayMode',
      storage: createJSONStorage(() => deviceStorage),
      partialize: ({ elderly, decided, automatic }) => ({ elderly, decided, automatic }),
    },
  ),
)

export const useElderlyMode = () => useDisplayModeStore((state) => state.elderly)

import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { deviceStorage } from '@/platform/storage'

interface ChecklistState {
  /** Ticked material names per item code. */
  ticked: Record<string, string[]>
  toggle(itemCode: string, materialName: string): void
  clear(itemCode: string): void
}

/** The material checklist a citizen ticks off while gathering papers; kept on the device between visits. */
export const useChecklistStore = create<ChecklistState>()(
  persist(
    (set) => ({
      ticked: {},
      toggle: (itemCode, materialName) =>
        set((state) => {
          const current = state.ticked[itemCode] ?? []
          const next = current.includes(materialName)
            ? current.filter((name) => name !== materialName)
            : [...current, materialName]
          const ticked = { ...state.ticked }
          if (next.length > 0) ticked[itemCode] = next
          else delete ticked[itemCode]
          return { ticked }
        }),
      clear: (itemCode) =>
        set((state) => {
          const ticked = { ...state.ticked }
          delete ticked[itemCode]
          return { ticked }
        }),
    }),
    {
      name: 'banshi.checklist',
      version: 1,
      storage: createJSONStorage(() => deviceStorage),
      partialize: (state) => ({ ticked: state.ticked }),
    },
  ),
)

const NONE: readonly string[] = []

export function useTickedMaterials(itemCode: string): readonly string[] {
  return useChecklistStore((state) => state.ticked[itemCode] ?? NONE)
}

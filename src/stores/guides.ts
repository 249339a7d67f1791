import { create } from 'zustand'
import type { Guide } from '@/domain/contract'
import { fetchGuide } from '@/api/catalog'
import { fetchInto, idle, type Resource } from './resource'

interface GuidesState {
  byCode: Record<string, Resource<Guide>>
  /** Loads a guide; a guide already shown stays on screen while it refreshes. */
  load(code: string, options?: { refresh?: boolean }): Promise<void>
}

const IDLE: Resource<Guide> = idle

export const useGuidesStore = create<GuidesState>()((set, get) => ({
  byCode: {},
  load: (code, options) =>
    fetchInto(
      get().byCode[code] ?? IDLE,
      (next) => set((state) => ({ byCode: { ...state.byCode, [code]: next } })),
      () => fetchGuide(code),
      options?.refresh,
    ),
}))

export function useGuide(code: string): Resource<Guide> {
  return useGuidesStore((state) => state.byCode[code] ?? IDLE)
}

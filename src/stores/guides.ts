import { create } from 'zustand'
import type { Guide } from '@/domain/contract'
import { fetchGuide } from '@/api/catalog'
import { apiErrorOf, failed, idle, loading, ready, type Resource } from './resource'

interface GuidesState {
  byCode: Record<string, Resource<Guide>>
  /** Loads a guide; a guide already shown stays on screen while it refreshes. */
  load(code: string, options?: { refresh?: boolean }): Promise<void>
}

export const useGuidesStore = create<GuidesState>()((set, get) => ({
  byCode: {},
  async load(code, options) {
    const previous = get().byCode[code]
    if (previous?.status === 'loading') return
    if (previous?.status === 'ready' && !options?.refresh) return
    set((state) => ({ byCode: { ...state.byCode, [code]: loading(previous) } }))
    try {
      const guide = await fetchGuide(code)
      set((state) => ({ byCode: { ...state.byCode, [code]: ready(guide) } }))
    } catch (error) {
      const apiError = apiErrorOf(error)
      if (apiError) set((state) => ({ byCode: { ...state.byCode, [code]: failed(apiError, previous) } }))
    }
  },
}))

const IDLE: Resource<Guide> = idle

export function useGuide(code: string): Resource<Guide> {
  return useGuidesStore((state) => state.byCode[code] ?? IDLE)
}

import { create } from 'zustand'
import type { ResidentDetail, ResidentList, VisitBody } from '@/domain/contract'
import { fetchResident, fetchResidents, recordVisit } from '@/api/grid'
import { fetchInto, idle, type Resource } from './resource'
import { onSignedOut } from './session'

interface GridState {
  list: Resource<ResidentList>
  residents: Record<string, Resource<ResidentDetail>>
  loadList(options?: { refresh?: boolean }): Promise<void>
  loadResident(id: string, options?: { refresh?: boolean }): Promise<void>
  /** Records a visit, then shows the resident and the list as they are now. */
  visit(body: VisitBody): Promise<void>
  reset(): void
}

/** The grid worker's round: who to visit, and each resident opened from it; reset on sign-out. */
export const useGridStore = create<GridState>()((set, get) => ({
  list: idle,
  residents: {},
  loadList: ({ refresh = false } = {}) => fetchInto(get().list, (list) => set({ list }), () => fetchResidents(true), refresh),
  loadResident: (id, { refresh = false } = {}) =>
    fetchInto(
      get().residents[id] ?? idle,
      (next) => set((state) => ({ residents: { ...state.residents, [id]: next } })),
      () => fetchResident(id),
      refresh,
    ),
  async visit(body) {
    await recordVisit(body)
    await Promise.all([get().loadResident(body.residentId, { refresh: true }), get().loadList({ refresh: true })])
  },
  reset: () => set({ list: idle, residents: {} }),
}))

onSignedOut(() => useGridStore.getState().reset())

import { create } from 'zustand'
import type { Application, ApplicationSummary, EvaluationBody } from '@/domain/contract'
import { evaluateApplication, fetchApplication, fetchMyApplications } from '@/api/applications'
import { fetchInto, idle, type Resource } from './resource'
import { onSignedOut } from './session'

interface ApplicationsState {
  mine: Resource<ApplicationSummary[]>
  details: Record<string, Resource<Application>>
  loadMine(options?: { refresh?: boolean }): Promise<void>
  loadDetail(no: string, options?: { refresh?: boolean }): Promise<void>
  /** Rates a finished application, then shows the stored rating. */
  evaluate(no: string, rating: Omit<EvaluationBody, 'target'>): Promise<void>
  reset(): void
}

/** 我的办件 and the applications opened from it; kept per session (signing out resets it). */
export const useApplicationsStore = create<ApplicationsState>()((set, get) => ({
  mine: idle,
  details: {},
  loadMine: ({ refresh = false } = {}) => fetchInto(get().mine, (mine) => set({ mine }), () => fetchMyApplications(), refresh),
  loadDetail: (no, { refresh = false } = {}) =>
    fetchInto(
      get().details[no] ?? idle,
      (next) => set((state) => ({ details: { ...state.details, [no]: next } })),
      () => fetchApplication(no),
      refresh,
    ),
  async evaluate(no, rating) {
    await evaluateApplication(no, rating)
    await Promise.all([get().loadDetail(no, { refresh: true }), get().loadMine({ refresh: true })])
  },
  reset: () => set({ mine: idle, details: {} }),
}))

onSignedOut(() => useApplicationsStore.getState().reset())

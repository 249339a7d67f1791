import { create } from 'zustand'
import type { DepartmentCount, TopicCount } from '@/domain/contract'
import { fetchDepartments, fetchTopics } from '@/api/catalog'
import { fetchInto, idle, type Resource } from './resource'

interface BrowseState {
  topics: Resource<TopicCount[]>
  departments: Resource<DepartmentCount[]>
  loadTopics(options?: { refresh?: boolean }): Promise<void>
  loadDepartments(options?: { refresh?: boolean }): Promise<void>
}

/** Topics and departments change only with a catalog import: load once, refresh on pull-down. */
export const useBrowseStore = create<BrowseState>()((set, get) => ({
  topics: idle,
  departments: idle,
  loadTopics: (options) => fetchInto(get().topics, (topics) => set({ topics }), fetchTopics, options?.refresh),
  loadDepartments: (options) =>
    fetchInto(get().departments, (departments) => set({ departments }), fetchDepartments, options?.refresh),
}))

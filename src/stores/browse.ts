import { create } from 'zustand'
import type { DepartmentCount, TopicCount } from '@/domain/contract'
import { fetchDepartments, fetchTopics } from '@/api/catalog'
import { apiErrorOf, failed, idle, loading, ready, type Resource } from './resource'

interface BrowseState {
  topics: Resource<TopicCount[]>
  departments: Resource<DepartmentCount[]>
  loadTopics(options?: { refresh?: boolean }): Promise<void>
  loadDepartments(options?: { refresh?: boolean }): Promise<void>
}

type ListKey = 'topics' | 'departments'

/** Topics and departments change only with a catalog import: load once, refresh on pull-down. */
export const useBrowseStore = create<BrowseState>()((set, get) => {
  async function loadList<K extends ListKey>(key: K, fetcher: () => Promise<NonNullable<BrowseState[K]['data']>>, refresh?: boolean) {
    const previous = get()[key] as Resource<unknown>
    if (previous.status === 'loading' || (previous.status === 'ready' && !refresh)) return
    set({ [key]: loading(previous) } as Partial<BrowseState>)
    try {
      set({ [key]: ready(await fetcher()) } as Partial<BrowseState>)
    } catch (error) {
      const apiError = apiErrorOf(error)
      if (apiError) set({ [key]: failed(apiError, previous) } as Partial<BrowseState>)
    }
  }
  return {
    topics: idle,
    departments: idle,
    loadTopics: (options) => loadList('topics', fetchTopics, options?.refresh),
    loadDepartments: (options) => loadList('departments', fetchDepartments, options?.refresh),
  }
})

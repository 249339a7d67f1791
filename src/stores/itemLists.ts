import { useCallback, useEffect, useRef } from 'react'
import { create } from 'zustand'
import type { ItemSummary, SearchSuggestions } from '@/domain/contract'
import { searchItems, type ItemQuery } from '@/api/catalog'
import { apiErrorOf } from './resource'
import type { ApiError } from '@/api/apiError'

export const PAGE_SIZE = 20

export interface ItemListState {
  status: 'idle' | 'loading' | 'ready' | 'error'
  items: ItemSummary[]
  total: number
  /** A next page is being fetched (the list stays visible). */
  loadingMore: boolean
  error?: ApiError
  /** A search that found nothing: related topics and the hotline. */
  suggestions?: SearchSuggestions
}

const EMPTY: ItemListState = { status: 'idle', items: [], total: 0, loadingMore: false }

type Filter = Omit<ItemQuery, 'limit' | 'offset'>

/** The key a list is cached under: same filter, same list. */
export function listKey(filter: Filter): string {
  return JSON.stringify([filter.q?.trim() ?? '', filter.topic ?? '', filter.department ?? '', filter.hall ?? ''])
}

interface ItemListsState {
  lists: Record<string, ItemListState>
  /** First page; replaces the list (pull-to-refresh, new query). Stale answers for older queries are dropped. */
  load(filter: Filter, options?: { signal?: AbortSignal }): Promise<void>
  loadMore(filter: Filter): Promise<void>
}

/** Lists kept in memory; typing creates one per prefix, so a long session on a hall kiosk must not grow forever. */
const MAX_LISTS = 30

export const useItemListsStore = create<ItemListsState>()((set, get) => {
  const update = (key: string, patch: Partial<ItemListState>) =>
    set((state) => {
      const lists = { ...state.lists, [key]: { ...(state.lists[key] ?? EMPTY), ...patch } }
      const keys = Object.keys(lists)
      for (const old of keys.slice(0, Math.max(0, keys.length - MAX_LISTS))) delete lists[old]
      return { lists }
    })

  return {
    lists: {},
    async load(filter, options) {
      const key = listKey(filter)
      update(key, { status: 'loading', error: undefined, loadingMore: false })
      try {
        const page = await searchItems({ ...filter, limit: PAGE_SIZE, offset: 0 }, options?.signal)
        update(key, { status: 'ready', items: page.items, total: page.total, suggestions: page.suggestions })
      } catch (error) {
        const apiError = apiErrorOf(error)
        if (apiError) {
          update(key, { status: 'error', error: apiError })
          return
        }
        // Cancelled because the citizen moved on: forget that it was loading, so coming back loads it again.
        const current = get().lists[key]
        if (current?.status === 'loading') update(key, { status: current.items.length > 0 ? 'ready' : 'idle' })
      }
    },
    async loadMore(filter) {
      const key = listKey(filter)
      const current = get().lists[key]
      if (!current || current.status !== 'ready' || current.loadingMore || current.items.length >= current.total) return
      update(key, { loadingMore: true, error: undefined })
      try {
        const page = await searchItems({ ...filter, limit: PAGE_SIZE, offset: current.items.length })
        const known = new Set(current.items.map((item) => item.code))
        update(key, {
          items: [...current.items, ...page.items.filter((item) => !known.has(item.code))],
          total: page.total,
          loadingMore: false,
        })
      } catch (error) {
        update(key, { loadingMore: false, error: apiErrorOf(error) ?? undefined })
      }
    },
  }
})

export function useItemList(filter: Filter): ItemListState {
  return useItemListsStore((state) => state.lists[listKey(filter)] ?? EMPTY)
}

/**
 * A list for a page: loaded whenever it is not in memory (first visit, evicted, or abandoned mid-load), with the
 * previous request cancelled when the filter changes. `reload` is for pull-to-refresh and retry.
 */
export function useItemQuery(filter: Filter, enabled = true) {
  const list = useItemList(filter)
  const load = useItemListsStore((state) => state.load)
  const loadMore = useItemListsStore((state) => state.loadMore)
  const inFlight = useRef<AbortController | null>(null)

  const reload = useCallback(() => {
    inFlight.current?.abort()
    const controller = new AbortController()
    inFlight.current = controller
    return load(filter, { signal: controller.signal })
  }, [filter, load])

  useEffect(() => {
    if (enabled && list.status === 'idle') void reload()
  }, [enabled, list.status, reload])
  useEffect(() => () => inFlight.current?.abort(), [])

  return { list, reload, loadMore: useCallback(() => loadMore(filter), [filter, loadMore]) }
}

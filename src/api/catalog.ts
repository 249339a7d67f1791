import type { DepartmentCount, Guide, ItemList, ItemSuggestionList, TopicCount } from '@/domain/contract'
import { http } from './http'
import { takeEarlyResponse } from '@/platform/earlyData'

export interface ItemQuery {
  q?: string
  topic?: string
  department?: string
  hall?: string
  limit?: number
  offset?: number
}

function definedParams(query: ItemQuery): ItemQuery {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== '')) as ItemQuery
}

export async function searchItems(query: ItemQuery, signal?: AbortSignal): Promise<ItemList> {
  const { data } = await http.get<ItemList>('/items', { params: definedParams(query), signal })
  return data
}

/** As-you-type completions for a partial query. */
export async function suggestItems(q: string, signal?: AbortSignal): Promise<ItemSuggestionList> {
  const { data } = await http.get<ItemSuggestionList>('/items/suggest', { params: { q }, signal })
  return data
}

export async function fetchGuide(code: string): Promise<Guide> {
  const path = `/items/${encodeURIComponent(code)}`
  const early = takeEarlyResponse<Guide>(path)
  if (early) {
    try {
      return await early
    } catch {
      // Not found, offline, a server error: the request below says so in the person's language, with retries.
    }
  }
  const { data } = await http.get<Guide>(path)
  return data
}

export async function fetchTopics(): Promise<TopicCount[]> {
  const { data } = await http.get<TopicCount[]>('/topics')
  return data
}

export async function fetchDepartments(): Promise<DepartmentCount[]> {
  const { data } = await http.get<DepartmentCount[]>('/departments')
  return data
}

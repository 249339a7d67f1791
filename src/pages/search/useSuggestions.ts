import { useCallback, useEffect, useState } from 'react'
import type { ItemSuggestion } from '@/domain/contract'
import { suggestItems } from '@/api/catalog'
import type { ApiError } from '@/api/apiError'
import { apiErrorOf } from '@/stores/resource'
import { useDebouncedValue } from '@/hooks/useDebouncedValue'

/** Short: completions should keep up with typing, and the server answers them in a few milliseconds. */
const SUGGEST_PAUSE_MS = 200

export interface SuggestionsState {
  status: 'idle' | 'loading' | 'ready' | 'error'
  /** The query these items answer (the previous query's items stay up while the next ones load). */
  query: string
  items: ItemSuggestion[]
  error?: ApiError
}

const IDLE: SuggestionsState = { status: 'idle', query: '', items: [] }

/**
 * Completions for what is being typed: asked once typing pauses, and a newer query cancels the request for an
 * older one, so a slow answer never replaces a newer one.
 */
export function useSuggestions(query: string): SuggestionsState & { retry(): void } {
  const settled = useDebouncedValue(query.trim(), SUGGEST_PAUSE_MS)
  const [state, setState] = useState<SuggestionsState>(IDLE)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (!settled) {
      setState(IDLE)
      return
    }
    const controller = new AbortController()
    setState((previous) => ({ ...previous, status: 'loading', error: undefined }))
    suggestItems(settled, controller.signal)
      .then((answer) => setState({ status: 'ready', query: settled, items: answer.items }))
      .catch((error: unknown) => {
        const apiError = apiErrorOf(error)
        if (apiError) setState({ status: 'error', query: settled, items: [], error: apiError })
      })
    return () => controller.abort()
  }, [settled, attempt])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return { ...state, retry }
}

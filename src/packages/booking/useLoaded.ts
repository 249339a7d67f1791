import { useEffect, useState } from 'react'
import { apiErrorOf, failed, idle, loading, ready, type Resource } from '@/stores/resource'

/**
 * Data only this page needs (halls for an item, a hall's days and slots): fetched when `deps` change, the last
 * answer kept through a refetch and a failure, answers to outdated requests ignored. `load` null means nothing to
 * fetch yet. Returns the resource and a retry.
 */
export function useLoaded<T>(load: (() => Promise<T>) | null, deps: unknown[]): [Resource<T>, () => void] {
  const [resource, setResource] = useState<Resource<T>>(idle)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (!load) {
      setResource(idle)
      return
    }
    let current = true
    setResource((previous) => loading(previous))
    load().then(
      (data) => {
        if (current) setResource(ready(data))
      },
      (error) => {
        const apiError = apiErrorOf(error)
        if (current && apiError) setResource((previous) => failed(apiError, previous))
      },
    )
    return () => {
      current = false
    }
    // The caller lists what the fetch depends on; `load` itself is a new closure every render.
  }, [...deps, attempt])
  return [resource, () => setAttempt((n) => n + 1)]
}

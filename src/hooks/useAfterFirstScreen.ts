import { startTransition, useEffect, useState } from 'react'

/**
 * False for the first render, true right after it: a long page draws its first screen in one go and the rest in
 * a render React may interrupt, so a slow phone shows the top sooner and stays responsive to a tap meanwhile.
 */
export function useAfterFirstScreen(): boolean {
  const [ready, setReady] = useState(false)
  useEffect(() => {
    startTransition(() => setReady(true))
  }, [])
  return ready
}

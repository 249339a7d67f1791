import { useEffect, useState } from 'react'

/** Seconds left until the code may be requested again; `start(n)` begins a new countdown. */
export function useCountdown(): [number, (seconds: number) => void] {
  const [left, setLeft] = useState(0)
  useEffect(() => {
    if (left <= 0) return undefined
    const timer = setTimeout(() => setLeft((value) => value - 1), 1000)
    return () => clearTimeout(timer)
  }, [left])
  return [left, (seconds) => setLeft(Math.max(0, Math.ceil(seconds)))]
}

import { useEffect, useState } from 'react'

/** The value, once it has stopped changing for `delayMs`: typing "身份证" fires one search, not three. */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs)
    return () => clearTimeout(timer)
  }, [value, delayMs])
  return settled
}

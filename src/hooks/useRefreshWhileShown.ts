import { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useRef } from 'react'

/** Calls `refresh` every `intervalMs` while the page is in sight (figures that change, without a socket per item). */
export function useRefreshWhileShown(refresh: () => void, intervalMs: number): void {
  const latest = useRef(refresh)
  latest.current = refresh
  const timer = useRef<ReturnType<typeof setInterval> | null>(null)
  const start = () => {
    if (!timer.current) timer.current = setInterval(() => latest.current(), intervalMs)
  }
  const stop = () => {
    if (timer.current) clearInterval(timer.current)
    timer.current = null
  }
  useEffect(() => {
    start()
    return stop
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [intervalMs])
  useDidShow(start)
  useDidHide(stop)
}

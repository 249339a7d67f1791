import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useRef } from 'react'

/** Page-level pull-to-refresh (enablePullDownRefresh in the page config): reload, then fold the spinner away. */
export function usePullToRefresh(refresh: () => Promise<unknown>): void {
  const latest = useRef(refresh)
  latest.current = refresh
  usePullDownRefresh(() => {
    latest.current().finally(() => Taro.stopPullDownRefresh())
  })
}

import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'

/** Whether the device has a connection now, following changes (wx network events; `online`/`offline` in H5). */
export function useOnline(): boolean {
  const [online, setOnline] = useState(true)
  useEffect(() => {
    let active = true
    Taro.getNetworkType()
      .then((result) => active && setOnline(result.networkType !== 'none'))
      .catch(() => undefined)
    const listener = (result: { isConnected: boolean }) => setOnline(result.isConnected)
    Taro.onNetworkStatusChange(listener)
    return () => {
      active = false
      Taro.offNetworkStatusChange?.(listener)
    }
  }, [])
  return online
}

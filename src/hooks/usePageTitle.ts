import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { useT } from '@/i18n/useT'
import type { MessageKey } from '@/i18n'

/** The navigation bar title in the current language (page configs can only hold the Chinese default). */
export function usePageTitle(key: MessageKey): void {
  const t = useT()
  const title = t(key)
  useEffect(() => {
    Taro.setNavigationBarTitle({ title }).catch(() => undefined)
  }, [title])
}

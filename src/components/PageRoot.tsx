import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useElderlyMode } from '@/stores/displayMode'
import PhoneLink from '@/platform/PhoneLink'
import { GOVERNMENT_HOTLINE } from '@/constants'
import './PageRoot.scss'
import { useT } from '@/i18n/useT'

interface PageRootProps {
  className: string
  /** Who to call from this page in 长辈版: the hall or department the page is about; 12345 otherwise. */
  phone?: string
  phoneLabel?: string
  children: ReactNode
}

/**
 * Every page's outermost element. It carries the display mode as a class (the theme variables in app.scss follow
 * it) and, in 长辈版, a call button at the foot of every page, because for many older people a call is the way out
 * of any difficulty.
 */
export default function PageRoot({ className, phone, phoneLabel, children }: PageRootProps) {
  const t = useT()
  const elderly = useElderlyMode()
  const number = phone ?? GOVERNMENT_HOTLINE
  return (
    <View className={elderly ? `${className} mode-elderly` : className}>
      {children}
      {elderly ? (
        <View className='page-call'>
          <PhoneLink className='page-call__button' phone={number} label={`${t('common.callAbout', { phone: number })},${phoneLabel ?? t('common.hotlineName')}`}>
            <Text>{t('common.callAbout', { phone: number })}</Text>
          </PhoneLink>
        </View>
      ) : null}
    </View>
  )
}

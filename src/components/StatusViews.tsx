import { View, Text } from '@tarojs/components'
import { a11y } from '@/platform/a11y'
import type { ReactNode } from 'react'
import type { ApiError } from '@/api/apiError'
import './StatusViews.scss'
import { useOnline } from '@/platform/network'
import { hasOfflinePage, openOfflinePage } from '@/platform/serviceWorker'
import ActionButton from './ActionButton'
import Pressable from './Pressable'
import { useT } from '@/i18n/useT'

/**
 * Grey placeholder rows in the shape of the content to come, so nothing jumps when it arrives. Drawn and pulsed by
 * CSS alone: NutUI's Skeleton re-rendered every row twice every 1.6 s from timers, main-thread work exactly while a
 * slow phone waits for the page's data.
 */
export function LoadingRows({ rows = 4, label }: { rows?: number; label?: string }) {
  const t = useT()
  return (
    <View className='status-loading' {...a11y({ role: 'progressbar', label: label ?? t('common.loading') })}>
      {Array.from({ length: rows }, (_, index) => (
        <View key={index} className='status-loading__row'>
          <View className='status-loading__line' />
          <View className='status-loading__line status-loading__line--short' />
        </View>
      ))}
    </View>
  )
}

export function EmptyState({ title, description, children }: { title: string; description?: string; children?: ReactNode }) {
  return (
    <View className='status-empty' {...a11y({ role: 'status' })}>
      <Text className='status-empty__title'>{title}</Text>
      {description ? <Text className='status-empty__description'>{description}</Text> : null}
      {children ? <View className='status-empty__actions'>{children}</View> : null}
    </View>
  )
}

/** Says what went wrong in the server's words and offers the one thing to do about it. */
interface ErrorStateProps {
  /** What went wrong; its message is shown unless `message` says otherwise. */
  error?: ApiError | null
  message?: string
  onRetry?: () => void
  children?: ReactNode
}

/**
 * A failure in place of content, with what to do next. Without a connection (the device says so, or the request
 * never reached us: hall Wi-Fi that lets nothing through reports itself as online) it also says what still works.
 */
export function ErrorState({ error, message, onRetry, children }: ErrorStateProps) {
  const t = useT()
  const online = useOnline()
  const unreachable = !online || error?.code === 'NETWORK_ERROR' || error?.code === 'TIMEOUT'
  return (
    <View className='status-error' {...a11y({ role: 'alert' })}>
      <Text className='status-error__message'>{message ?? error?.message ?? ''}</Text>
      {unreachable ? <Text className='status-error__offline'>{t('common.offlineHint')}</Text> : null}
      <View className='status-empty__actions'>
        {onRetry ? (
          <ActionButton onPress={onRetry}>{t('common.retry')}</ActionButton>
        ) : null}
        {unreachable && hasOfflinePage ? <ActionButton onPress={openOfflinePage}>{t('common.offlineContent')}</ActionButton> : null}
        {children}
      </View>
    </View>
  )
}

/** A thin notice above content that is still shown although refreshing it failed. */
export function StaleNotice({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const t = useT()
  return (
    <View className='status-stale' {...a11y({ role: 'alert' })}>
      <Text>{error.message}</Text>
      <Pressable className='status-stale__retry' onPress={onRetry}>
        {t('common.tapToRetry')}
      </Pressable>
    </View>
  )
}

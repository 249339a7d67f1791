import { Text } from '@tarojs/components'
import type { LiveMode } from '@/api/live'
import { a11y } from '@/platform/a11y'
import { useT } from '@/i18n/useT'
import './LiveBadge.scss'
import '@/i18n/queue'

/** Says how fresh the figures are: live, polled, or not updating. Polite, so a reconnect does not interrupt. */
export default function LiveBadge({ mode }: { mode: LiveMode }) {
  const t = useT()
  return (
    <Text className={`live-badge live-badge--${mode}`} {...a11y({ role: 'status', live: 'polite' })}>
      {t(`queue.live.${mode}`)}
    </Text>
  )
}

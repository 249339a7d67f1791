import { View, Text } from '@tarojs/components'
import type { QueueCategorySnapshot } from '@/domain/contract'
import { a11y } from '@/platform/a11y'
import ActionButton from '@/components/ActionButton'
import { expectedWaitText } from '@/components/queue/queueText'
import { useT } from '@/i18n/useT'
import '@/i18n/queue'

interface CategoryQueueProps {
  category: QueueCategorySnapshot
  /** Null when no number can be taken here now (closed, or a number already held). */
  onTake: (() => void) | null
  busy: boolean
}

/** One queue category of a hall: who is being called, how many wait, how long, and the button to join. */
export default function CategoryQueue({ category, onTake, busy }: CategoryQueueProps) {
  const t = useT()
  return (
    <View className='hall-queue__category' {...a11y({ role: 'listitem' })}>
      <Text className='hall-queue__name' {...a11y({ role: 'heading', level: 3 })}>
        {category.name}
      </Text>
      {/* Polite: people waiting in the hall with a screen reader hear each number called without losing their place. */}
      <Text className='hall-queue__serving' {...a11y({ live: 'polite' })}>
        {category.serving.length ? t('queue.hall.serving', { numbers: category.serving.slice(0, 3).join('、') }) : t('queue.hall.servingNone')}
      </Text>
      <Text className='hall-queue__figures'>
        {t('queue.hall.waitingCount', { count: category.waiting })} · {t('queue.hall.openWindows', { count: category.openWindows })}
      </Text>
      <Text className='hall-queue__wait'>{expectedWaitText(t, category.estimatedWaitMin, category.estimatedWaitHighMin)}</Text>
      {onTake ? (
        <View className='hall-queue__take'>
          <ActionButton block label={t('queue.hall.takeLabel', { name: category.name })} onPress={onTake}>
            {busy ? t('queue.hall.taking') : t('queue.hall.take')}
          </ActionButton>
        </View>
      ) : null}
    </View>
  )
}

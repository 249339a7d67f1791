import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import type { QueueCategory, Ticket } from '@/domain/contract'
import ActionButton from '@/components/ActionButton'
import Pressable from '@/components/Pressable'
import { a11y } from '@/platform/a11y'
import { useT } from '@/i18n/useT'
import '@/i18n/queue'

export type ConsoleAction = { kind: 'callNext'; completeFirst: Ticket | null } | { kind: 'close' } | { kind: 'recall' | 'skip' | 'complete'; ticket: Ticket } | { kind: 'transfer'; ticket: Ticket; category: QueueCategory }

interface WindowConsoleProps {
  current: Ticket | null
  /** False once staff closed the window; the next call opens it. */
  open: boolean
  categories: QueueCategory[]
  busy: boolean
  onAct(action: ConsoleAction): void
}

/** The number at this window and what can be done with it; calling the next one is always the big button. */
export default function WindowConsole({ current, open, categories, busy, onAct }: WindowConsoleProps) {
  const t = useT()
  const [transferring, setTransferring] = useState(false)
  const act = (action: ConsoleAction) => {
    if (busy) return
    setTransferring(false)
    onAct(action)
  }
  return (
    <View className='staff-queue__console'>
      <Text className='staff-queue__label'>{t('queue.staff.current')}</Text>
      {current ? (
        <View className='staff-queue__current'>
          <Text className='staff-queue__number' {...a11y({ role: 'status', live: 'polite' })}>
            {current.number}
          </Text>
          <Text className='staff-queue__hint'>
            {current.categoryName}
            {current.priority ? ` · ${t('queue.staff.priority')}` : ''}
          </Text>
          <View className='staff-queue__buttons'>
            <ActionButton primary={false} onPress={() => act({ kind: 'recall', ticket: current })}>
              {t('queue.staff.recall')}
            </ActionButton>
            <ActionButton primary={false} onPress={() => act({ kind: 'skip', ticket: current })}>
              {t('queue.staff.skip')}
            </ActionButton>
            <ActionButton primary={false} onPress={() => act({ kind: 'complete', ticket: current })}>
              {t('queue.staff.complete')}
            </ActionButton>
          </View>
          <Pressable className='staff-queue__link' onPress={() => setTransferring(!transferring)}>
            {t('queue.staff.transfer')}
          </Pressable>
          {transferring ? (
            <View className='staff-queue__choices'>
              {categories
                .filter((category) => category.id !== current.categoryId)
                .map((category) => (
                  <ActionButton key={category.id} primary={false} onPress={() => act({ kind: 'transfer', ticket: current, category })}>
                    {t('queue.staff.transferTo', { name: category.name })}
                  </ActionButton>
                ))}
            </View>
          ) : null}
        </View>
      ) : (
        <Text className='staff-queue__hint' {...a11y({ role: 'status', live: 'polite' })}>
          {open ? t('queue.staff.currentNone') : t('queue.staff.windowClosed')}
        </Text>
      )}
      <ActionButton block onPress={() => act({ kind: 'callNext', completeFirst: current })}>
        {busy ? t('common.loading') : current ? t('queue.staff.completeAndNext') : t('queue.staff.callNext')}
      </ActionButton>
      {!current && open ? (
        <Pressable className='staff-queue__link' onPress={() => act({ kind: 'close' })}>
          {t('queue.staff.closeWindow')}
        </Pressable>
      ) : null}
    </View>
  )
}

import { View, Text } from '@tarojs/components'
import type { TicketReminder } from '@/domain/ticketReminder'
import { a11y } from '@/platform/a11y'
import Pressable from '@/components/Pressable'
import { useT } from '@/i18n/useT'
import '@/i18n/queue'

/** The in-app reminder: large, coloured, and read out at once by screen readers (assertive live region). */
export default function ReminderBanner({ reminder, onDismiss }: { reminder: TicketReminder | null; onDismiss(): void }) {
  const t = useT()
  const text = !reminder
    ? ''
    : reminder.kind === 'near'
      ? t('queue.ticket.remindNear', { count: reminder.ahead })
      : reminder.window
        ? t('queue.ticket.remindCalled', { window: reminder.window })
        : t('queue.ticket.remindCalledNoWindow')
  // The live region stays in the page (empty when quiet): one that appears together with its text is often missed.
  return (
    <View className={`ticket__reminder${reminder ? ` ticket__reminder--${reminder.kind}` : ''}`} {...a11y({ role: 'alert', live: 'assertive' })}>
      {reminder ? (
        <View className='ticket__reminder-body'>
          <Text className='ticket__reminder-text'>{text}</Text>
          <Pressable className='ticket__reminder-dismiss' onPress={onDismiss}>
            {t('queue.ticket.dismiss')}
          </Pressable>
        </View>
      ) : null}
    </View>
  )
}

import { View, Text } from '@tarojs/components'
import { useSessionStore } from '@/stores/session'
import PageRoot from '@/components/PageRoot'
import ActionButton from '@/components/ActionButton'
import Pressable from '@/components/Pressable'
import { EmptyState } from '@/components/StatusViews'
import { a11y } from '@/platform/a11y'
import { openPage, paths } from '@/navigation'
import { usePageTitle } from '@/hooks/usePageTitle'
import { useT } from '@/i18n/useT'
import type { MessageKey } from '@/i18n'
import './index.scss'
import '@/i18n/queue'

const ENTRIES: Array<{ title: MessageKey; hint: MessageKey; path: string }> = [
  { title: 'queue.staff.queueEntry', hint: 'queue.staff.queueEntryHint', path: paths.staffQueue() },
  { title: 'queue.staff.applicationsEntry', hint: 'queue.staff.applicationsEntryHint', path: paths.staffApplications() },
]

/** Where window staff land after signing in: the hall's two daily tools. */
export default function StaffHome() {
  const t = useT()
  usePageTitle('queue.staff.homeTitle')
  const user = useSessionStore((state) => state.user)
  if (user?.role !== 'window_staff' && user?.role !== 'admin') {
    return (
      <PageRoot className='staff-home'>
        <EmptyState title={t('queue.staff.signInFirst')} description={t('queue.staff.signInFirstHint')}>
          <ActionButton onPress={() => openPage(paths.staffLogin)}>{t('queue.staff.signIn')}</ActionButton>
        </EmptyState>
      </PageRoot>
    )
  }
  return (
    <PageRoot className='staff-home'>
      <View className='staff-home__head'>
        <Text className='staff-home__title' {...a11y({ role: 'heading', level: 1 })}>
          {t('queue.staff.homeTitle')}
        </Text>
        <Text className='staff-home__intro'>
          {t('queue.staff.homeIntro', { name: user.name ?? user.username ?? '' })}
          {user.hallName ? ` · ${user.hallName}` : ''}
        </Text>
      </View>
      <View className='staff-home__entries'>
        {ENTRIES.map((entry) => (
          <Pressable key={entry.title} className='staff-home__entry' role='link' onPress={() => openPage(entry.path)}>
            <Text className='staff-home__entry-title'>{t(entry.title)}</Text>
            <Text className='staff-home__entry-hint'>{t(entry.hint)}</Text>
          </Pressable>
        ))}
        <Pressable className='staff-home__me' role='link' onPress={() => openPage(paths.me)}>
          {t('me.pageTitle')} ›
        </Pressable>
      </View>
    </PageRoot>
  )
}

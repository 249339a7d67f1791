import { View, Text } from '@tarojs/components'
import Pressable from '@/components/Pressable'
import DisplayModeSwitch from '@/components/DisplayModeSwitch'
import { a11y } from '@/platform/a11y'
import { openPage, paths } from '@/navigation'
import { useT } from '@/i18n/useT'
import type { MessageKey } from '@/i18n'

interface BigEntry {
  title: MessageKey
  hint: MessageKey
  path: string
}

/** 长辈版 home: a few large entries in plain words, nothing that moves, no lists to scroll through. */
export function elderlyEntries(): BigEntry[] {
  return [
    { title: 'home.guides', hint: 'home.guidesHint', path: paths.search() },
    { title: 'home.topics', hint: 'home.topicsHint', path: paths.browse('topics') },
    { title: 'queue.elderlyEntry', hint: 'queue.elderlyEntryHint', path: paths.halls() },
    { title: 'home.progress', hint: 'home.progressHint', path: paths.progress() },
    { title: 'home.mine', hint: 'home.mineHint', path: paths.me },
  ]
}

export default function ElderlyHome() {
  const t = useT()
  return (
    <View className='home-elderly'>
      <Text className='home-elderly__title' {...a11y({ role: 'heading', level: 1 })}>
        {t('app.name')}
      </Text>
      <View className='home-elderly__entries'>
        {elderlyEntries().map((entry) => (
          <Pressable key={entry.title} className='home-elderly__entry' role='link' label={t('home.entryLabel', { title: t(entry.title), hint: t(entry.hint) })} onPress={() => openPage(entry.path)}>
            <Text className='home-elderly__entry-title'>{t(entry.title)}</Text>
            <Text className='home-elderly__entry-hint'>{t(entry.hint)}</Text>
          </Pressable>
        ))}
      </View>
      <DisplayModeSwitch className='home-elderly__switch' />
    </View>
  )
}

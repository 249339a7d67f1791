import { View, Text } from '@tarojs/components'
import Pressable from '@/components/Pressable'
import DisplayModeSwitch from '@/components/DisplayModeSwitch'
import { a11y } from '@/platform/a11y'
import { openPage, paths } from '@/navigation'

interface BigEntry {
  title: string
  hint: string
  path: string
}

/** 长辈版 home: a few large entries in plain words, nothing that moves, no lists to scroll through. */
export function elderlyEntries(): BigEntry[] {
  return [
    { title: '办事指南', hint: '办什么事,要带什么', path: paths.search() },
    { title: '按主题找', hint: '养老、医保、户籍……', path: paths.browse('topics') },
    { title: '查办件进度', hint: '办到哪一步了', path: paths.progress() },
    { title: '我的', hint: '登录、我的信息', path: paths.me },
  ]
}

export default function ElderlyHome() {
  return (
    <View className='home-elderly'>
      <Text className='home-elderly__title' {...a11y({ role: 'heading', level: 1 })}>
        办事通
      </Text>
      <View className='home-elderly__entries'>
        {elderlyEntries().map((entry) => (
          <Pressable key={entry.title} className='home-elderly__entry' role='link' label={`${entry.title},${entry.hint}`} onPress={() => openPage(entry.path)}>
            <Text className='home-elderly__entry-title'>{entry.title}</Text>
            <Text className='home-elderly__entry-hint'>{entry.hint}</Text>
          </Pressable>
        ))}
      </View>
      <DisplayModeSwitch className='home-elderly__switch' />
    </View>
  )
}

import { View, Text } from '@tarojs/components'
import { a11y } from '@/platform/a11y'
import type { ReactNode } from 'react'
import './Section.scss'

export default function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <View className='section'>
      <View className='section__header'>
        <Text className='section__title' {...a11y({ role: 'heading', level: 2 })}>
          {title}
        </Text>
        {extra}
      </View>
      <View className='section__body'>{children}</View>
    </View>
  )
}

import { View, Text } from '@tarojs/components'
import type { Guide } from '@/domain/contract'
import { feeLabel, onlineLabels, timeLimitLabel, tripsLabel } from '@/domain/guideFacts'

/** The five facts people ask the window first: how long, how much, how many trips, online or not. */
export default function GuideFacts({ guide }: { guide: Guide }) {
  const limits = timeLimitLabel(guide)
  const facts = [
    { label: '承诺时限', value: limits.promised, strong: true },
    { label: '法定时限', value: limits.legal },
    { label: '收费', value: feeLabel(guide.fee) },
    { label: '跑动次数', value: tripsLabel(guide.visits), strong: guide.visits <= 1 },
    { label: '办理方式', value: onlineLabels[guide.online] },
  ]
  return (
    <View className='guide-facts'>
      {facts.map((fact) => (
        <View key={fact.label} className='guide-facts__cell'>
          <Text className='guide-facts__label'>{fact.label}</Text>
          <Text className={`guide-facts__value${fact.strong ? ' guide-facts__value--strong' : ''}`}>{fact.value}</Text>
        </View>
      ))}
    </View>
  )
}

import { View, Text } from '@tarojs/components'
import type { Guide } from '@/domain/contract'
import { feeLabel, onlineLabels, timeLimitLabel, tripsLabel } from '@/domain/guideFacts'
import { useT } from '@/i18n/useT'
import '@/i18n/guide'

/** The five facts people ask the window first: how long, how much, how many trips, online or not. */
export default function GuideFacts({ guide }: { guide: Guide }) {
  const t = useT()
  const limits = timeLimitLabel(guide)
  const fee = feeLabel(guide.fee)
  const trips = tripsLabel(guide.visits)
  const facts = [
    { label: t('guide.promisedLimit'), value: t(limits.promised.key, limits.promised.params), strong: true },
    { label: t('guide.legalLimit'), value: t(limits.legal.key, limits.legal.params) },
    { label: t('guide.feeTitle'), value: t(fee.key, fee.params) },
    { label: t('guide.tripsTitle'), value: t(trips.key, trips.params), strong: guide.visits <= 1 },
    { label: t('guide.modeTitle'), value: t(onlineLabels[guide.online]) },
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

import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import type { Guide } from '@/domain/contract'
import { whereToApplyNote } from '@/domain/guideFacts'
import HallCard from '@/components/HallCard'
import Pressable from '@/components/Pressable'
import { openPage, paths } from '@/navigation'
import { useT } from '@/i18n/useT'
import '@/i18n/guide'

const FIRST_HALLS = 3

/** 办理地点: the halls that handle the item, a few at first (district hall first), all on request. */
export default function GuideHalls({ guide }: { guide: Guide }) {
  const t = useT()
  const [showAll, setShowAll] = useState(false)
  const halls = showAll ? guide.halls : guide.halls.slice(0, FIRST_HALLS)
  if (guide.halls.length === 0) {
    return <Text className='guide__muted'>{t('guide.noHalls')}</Text>
  }
  const where = whereToApplyNote(guide)
  return (
    <View>
      <Text className='guide__note'>{t(where.key)}</Text>
      <Pressable className='guide__toggle' role='link' onPress={() => openPage(paths.halls(guide.code))}>
        {t('queue.entry')}:{t('queue.guideEntry')} ›
      </Pressable>
      {halls.map((hall) => (
        <HallCard key={hall.id} hall={hall} />
      ))}
      {guide.halls.length > FIRST_HALLS ? (
        <Pressable className='guide__toggle' onPress={() => setShowAll(!showAll)}>
          {showAll ? t('guide.showFewerHalls') : t('guide.showAllHalls', { count: guide.halls.length })}
        </Pressable>
      ) : null}
    </View>
  )
}

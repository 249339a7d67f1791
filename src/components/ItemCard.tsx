import { View, Text } from '@tarojs/components'
import type { ItemSummary } from '@/domain/contract'
import { openPage, paths } from '@/navigation'
import Highlight from './Highlight'
import './ItemCard.scss'
import Pressable from './Pressable'
import FactTag from './FactTag'
import { useT } from '@/i18n/useT'
import { promiseLabel, tripsLabel } from '@/domain/guideFacts'
import '@/i18n/guide'


/** A card's usual height in the 750-wide design (a one-line name): long lists estimate rows not drawn yet with it. */
export const ITEM_CARD_DESIGN_HEIGHT = 240

/**
 * One item in a list; when it came from a search, the matched parts of its name stand out. Its spoken name is its
 * content, everything it shows in order, so a voice-control user can say any of it (WCAG 2.5.3, label in name).
 */
export default function ItemCard({ item }: { item: ItemSummary }) {
  const t = useT()
  const trips = tripsLabel(item.visits)
  const promise = promiseLabel(item)
  return (
    <Pressable className='item-card' role='link' onPress={() => openPage(paths.guide(item.code))}>
      <View className='item-card__name'>
        <Highlight text={item.name} ranges={item.highlights} />
      </View>
      <Text className='item-card__department'>{item.department}</Text>
      <View className='item-card__facts'>
        {item.online === '全程网办' ? <FactTag tone='success'>{t('item.fullyOnline')}</FactTag> : null}
        <FactTag>{t(trips.key, trips.params)}</FactTag>
        <FactTag>{t(promise.key, promise.params)}</FactTag>
      </View>
    </Pressable>
  )
}

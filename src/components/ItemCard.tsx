import { View, Text } from '@tarojs/components'
import type { ItemSummary } from '@/domain/contract'
import { tripsLabel } from '@/domain/guideFacts'
import { openPage, paths } from '@/navigation'
import Highlight from './Highlight'
import './ItemCard.scss'
import Pressable from './Pressable'
import FactTag from './FactTag'

function promiseLabel(item: ItemSummary): string {
  return item.kind === '即办件' || item.promisedDays === 0 ? '当场办结' : `承诺${item.promisedDays}个工作日`
}

/**
 * One item in a list; when it came from a search, the matched parts of its name stand out. Its spoken name is
 * everything it shows, in order, so a voice-control user can say any of it (WCAG 2.5.3, label in name).
 */
export default function ItemCard({ item }: { item: ItemSummary }) {
  const facts = [item.online === '全程网办' ? '全程网办' : null, tripsLabel(item.visits), promiseLabel(item)].filter(Boolean)
  return (
    <Pressable className='item-card' role='link' label={[item.name, item.department, ...facts].join(',')} onPress={() => openPage(paths.guide(item.code))}>
      <View className='item-card__name'>
        <Highlight text={item.name} ranges={item.highlights} />
      </View>
      <Text className='item-card__department'>{item.department}</Text>
      <View className='item-card__facts'>
        {item.online === '全程网办' ? <FactTag tone='success'>全程网办</FactTag> : null}
        <FactTag>{tripsLabel(item.visits)}</FactTag>
        <FactTag>{promiseLabel(item)}</FactTag>
      </View>
    </Pressable>
  )
}

import { View, Text } from '@tarojs/components'
import ItemCard from '@/components/ItemCard'
import { ErrorState, LoadingRows } from '@/components/StatusViews'
import { a11y } from '@/platform/a11y'
import { useItemQuery } from '@/stores/itemLists'
import { useT } from '@/i18n/useT'

/** Browsing without a filter lists the most viewed first: the same list as the home page's "大家都在办". */
const MOST_VIEWED = {}
const SHOWN = 5

export default function PopularItems() {
  const t = useT()
  const { list, reload } = useItemQuery(MOST_VIEWED)
  return (
    <View className='search-start__block'>
      <Text className='search-start__title' {...a11y({ role: 'heading', level: 2 })}>
        {t('search.popular')}
      </Text>
      {list.status === 'error' && list.items.length === 0 ? (
        <ErrorState message={list.error?.message ?? ''} onRetry={() => void reload()} />
      ) : list.items.length === 0 ? (
        <LoadingRows rows={3} />
      ) : (
        list.items.slice(0, SHOWN).map((item) => <ItemCard key={item.code} item={item} />)
      )}
    </View>
  )
}

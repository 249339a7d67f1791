import { View, Text } from '@tarojs/components'
import Pressable from '@/components/Pressable'
import { a11y } from '@/platform/a11y'
import { useRecentSearchesStore } from '@/stores/recentSearches'

/** What this phone searched for lately (stored on the device only), one tap to search again, one to clear. */
export default function RecentSearches({ onPick }: { onPick(query: string): void }) {
  const queries = useRecentSearchesStore((state) => state.queries)
  const clear = useRecentSearchesStore((state) => state.clear)
  if (queries.length === 0) return null
  return (
    <View className='search-start__block'>
      <View className='search-start__header'>
        <Text className='search-start__title' {...a11y({ role: 'heading', level: 2 })}>
          最近搜索
        </Text>
        <Pressable className='search-start__clear' label='清除最近搜索' onPress={clear}>
          清除
        </Pressable>
      </View>
      <View className='search-start__chips' {...a11y({ role: 'list' })}>
        {queries.map((query) => (
          <Pressable key={query} className='search-start__chip' label={`再次搜索 ${query}`} onPress={() => onPick(query)}>
            {query}
          </Pressable>
        ))}
      </View>
    </View>
  )
}

import { View, Text } from '@tarojs/components'
import Pressable from '@/components/Pressable'
import { a11y } from '@/platform/a11y'
import { useRecentSearchesStore } from '@/stores/recentSearches'
import { useT } from '@/i18n/useT'

/** What this phone searched for lately (stored on the device only), one tap to search again, one to clear. */
export default function RecentSearches({ onPick }: { onPick(query: string): void }) {
  const t = useT()
  const queries = useRecentSearchesStore((state) => state.queries)
  const clear = useRecentSearchesStore((state) => state.clear)
  if (queries.length === 0) return null
  return (
    <View className='search-start__block'>
      <View className='search-start__header'>
        <Text className='search-start__title' {...a11y({ role: 'heading', level: 2 })}>
          {t('search.recent')}
        </Text>
        <Pressable className='search-start__clear' label={t('search.clearRecentLabel')} onPress={clear}>
          {t('search.clearRecent')}
        </Pressable>
      </View>
      <View className='search-start__chips' {...a11y({ role: 'list' })}>
        {queries.map((query) => (
          <Pressable key={query} className='search-start__chip' label={t('search.searchAgain', { query })} onPress={() => onPick(query)}>
            {query}
          </Pressable>
        ))}
      </View>
    </View>
  )
}

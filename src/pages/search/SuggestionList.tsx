import { View, Text } from '@tarojs/components'
import Highlight from '@/components/Highlight'
import Pressable from '@/components/Pressable'
import { StaleNotice } from '@/components/StatusViews'
import { a11y } from '@/platform/a11y'
import { openPage, paths } from '@/navigation'
import { useSuggestions } from './useSuggestions'
import { useT } from '@/i18n/useT'

interface SuggestionListProps {
  query: string
  /** Show every result for the query (the first row, or the keyboard's search key). */
  onSearch(): void
  /** A completion was opened: remember the query. */
  onOpen(): void
}

/** As-you-type completions under the search field, matched parts highlighted; tapping one opens its guide. */
export default function SuggestionList({ query, onSearch, onOpen }: SuggestionListProps) {
  const t = useT()
  const suggestions = useSuggestions(query)
  return (
    <View className='search-suggestions' {...a11y({ role: 'list', label: t('search.suggestions') })}>
      <Pressable className='search-suggestions__all' label={t('search.searchForLabel', { query })} onPress={onSearch}>
        <Text>{t('search.searchFor', { query })}</Text>
        <Text className='search-suggestions__arrow'>›</Text>
      </Pressable>
      {suggestions.status === 'error' && suggestions.error ? (
        <StaleNotice error={suggestions.error} onRetry={suggestions.retry} />
      ) : null}
      {suggestions.items.map((item) => (
        <Pressable
          key={item.code}
          className='search-suggestions__item'
          role='link'
          label={item.name}
          onPress={() => {
            onOpen()
            openPage(paths.guide(item.code))
          }}
        >
          <Highlight text={item.name} ranges={item.highlights} />
        </Pressable>
      ))}
    </View>
  )
}

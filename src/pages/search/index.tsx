import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { useItemQuery } from '@/stores/itemLists'
import { useRecentSearchesStore } from '@/stores/recentSearches'
import SearchField from '@/components/SearchField'
import ItemCard, { ITEM_CARD_DESIGN_HEIGHT } from '@/components/ItemCard'
import VirtualList from '@/components/VirtualList'
import ListFooter from '@/components/ListFooter'
import { ErrorState, LoadingRows } from '@/components/StatusViews'
import { a11y } from '@/platform/a11y'
import { designToPx } from '@/platform/screenSize'
import { routeParam } from '@/navigation'
import SuggestionList from './SuggestionList'
import RecentSearches from './RecentSearches'
import PopularItems from './PopularItems'
import { NothingFound, SearchHelp } from './SearchHelp'
import './index.scss'
import PageRoot from '@/components/PageRoot'
import { useT } from '@/i18n/useT'
import { usePageTitle } from '@/hooks/usePageTitle'

/**
 * Three states: nothing typed (recent searches, what people do most, help), typing (completions as you type),
 * and searched (every result, ranked, after the search key or the "搜索…" row, or from a link with ?q=).
 */
export default function SearchPage() {
  const t = useT()
  usePageTitle('search.pageTitle')
  const initial = routeParam(useRouter().params, 'q')
  const [query, setQuery] = useState(initial)
  const [searched, setSearched] = useState(initial.trim())
  const remember = useRecentSearchesStore((state) => state.remember)
  const typed = query.trim()
  const showingResults = searched !== '' && searched === typed

  const filter = useMemo(() => ({ q: searched }), [searched])
  // A newer query cancels the older request; each query keeps its own list, so a slow answer never lands on a
  // newer query's screen.
  const { list, reload, loadMore } = useItemQuery(filter, showingResults)

  const search = (value: string) => {
    setQuery(value)
    setSearched(value.trim())
    remember(value)
  }

  return (
    <PageRoot className={showingResults && list.total > 0 ? 'search-page virtual-list-page' : 'search-page'}>
      <View className='search-page__bar'>
        <SearchField value={query} onChange={setQuery} onConfirm={search} autoFocus />
      </View>

      {!typed ? (
        <View className='search-start'>
          <Text className='search-start__hint'>{t('search.startHint')}</Text>
          <RecentSearches onPick={search} />
          <PopularItems />
          <SearchHelp />
        </View>
      ) : !showingResults ? (
        <SuggestionList query={typed} onSearch={() => search(typed)} onOpen={() => remember(typed)} />
      ) : list.status === 'error' && list.items.length === 0 ? (
        <ErrorState error={list.error} onRetry={() => void reload()} />
      ) : list.status !== 'ready' && list.items.length === 0 ? (
        <LoadingRows rows={4} label={t('search.searching')} />
      ) : list.total === 0 ? (
        <NothingFound query={searched} suggestions={list.suggestions} />
      ) : (
        <VirtualList
          className='search-page__results'
          items={list.items}
          keyOf={(item) => item.code}
          renderRow={(item) => <ItemCard item={item} />}
          label={t('search.found', { count: list.total })}
          estimatedRowHeight={designToPx(ITEM_CARD_DESIGN_HEIGHT)}
          onEndReached={() => void loadMore()}
          header={
            <Text className='search-page__count' {...a11y({ role: 'status', live: 'polite' })}>
              {t('search.found', { count: list.total })}
            </Text>
          }
          footer={
            <>
              <ListFooter list={list} onMore={() => void loadMore()} />
              <SearchHelp />
            </>
          }
        />
      )}
    </PageRoot>
  )
}

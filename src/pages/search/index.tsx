import { View, Text } from '@tarojs/components'
import { useReachBottom, useRouter } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { searchTerms } from '@/domain/searchQuery'
import { useItemQuery } from '@/stores/itemLists'
import { useDebouncedValue } from '@/hooks/useDebouncedValue'
import SearchField from '@/components/SearchField'
import ItemCard from '@/components/ItemCard'
import ListFooter from '@/components/ListFooter'
import { EmptyState, ErrorState, LoadingRows } from '@/components/StatusViews'
import PhoneLink from '@/platform/PhoneLink'
import { a11y } from '@/platform/a11y'
import { GOVERNMENT_HOTLINE } from '@/constants'
import { openPage, paths, routeParam } from '@/navigation'
import './index.scss'
import ActionButton from '@/components/ActionButton'
import Pressable from '@/components/Pressable'

const TYPING_PAUSE_MS = 250

function NothingFound({ query }: { query: string }) {
  return (
    <EmptyState title={`没有找到与“${query}”相关的事项`} description='换个说法试试,比如只输入关键字“身份证”“社保”;也可以按主题查找,或打电话问一问。'>
      <ActionButton onPress={() => openPage(paths.browse('topics'))}>按主题查找</ActionButton>
      <PhoneLink className='search-page__call' phone={GOVERNMENT_HOTLINE} label='拨打12345政务服务便民热线咨询'>
        <Text>拨打 12345 咨询</Text>
      </PhoneLink>
    </EmptyState>
  )
}

export default function SearchPage() {
  const router = useRouter()
  const [query, setQuery] = useState(() => routeParam(router.params, 'q'))
  const settledQuery = useDebouncedValue(query.trim(), TYPING_PAUSE_MS)
  const filter = useMemo(() => ({ q: settledQuery }), [settledQuery])
  // A newer query cancels the older request; each query keeps its own list, so a slow answer never lands on a
  // newer query's screen.
  const { list, reload, loadMore } = useItemQuery(filter, settledQuery !== '')
  const terms = useMemo(() => searchTerms(settledQuery), [settledQuery])

  useReachBottom(() => {
    if (settledQuery) void loadMore()
  })

  const waiting = query.trim() !== settledQuery || list.status === 'loading' || list.status === 'idle'

  return (
    <View className='search-page'>
      <View className='search-page__bar'>
        <SearchField value={query} onChange={setQuery} onConfirm={(value) => setQuery(value)} autoFocus />
      </View>

      {!query.trim() ? (
        <View className='search-page__hint'>
          <Text>输入您要办的事,例如“身份证”“社保卡”“营业执照”。</Text>
          <Pressable className='search-page__browse' role='link' onPress={() => openPage(paths.browse('topics'))}>
            不知道叫什么?按主题查找 ›
          </Pressable>
        </View>
      ) : waiting && list.items.length === 0 ? (
        <LoadingRows rows={4} label='正在搜索' />
      ) : list.status === 'error' && list.items.length === 0 ? (
        <ErrorState message={list.error?.message ?? ''} onRetry={() => void reload()} />
      ) : list.status === 'ready' && list.total === 0 ? (
        <NothingFound query={settledQuery} />
      ) : (
        <View className='search-page__results'>
          <Text className='search-page__count' {...a11y({ role: 'status', live: 'polite' })}>
            {waiting ? '正在搜索…' : `找到 ${list.total} 个事项`}
          </Text>
          {list.items.map((item) => (
            <ItemCard key={item.code} item={item} terms={terms} />
          ))}
          <ListFooter list={list} onMore={() => void loadMore()} />
        </View>
      )}
    </View>
  )
}

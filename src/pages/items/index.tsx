import { Text } from '@tarojs/components'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { useEffect, useMemo } from 'react'
import { useItemQuery } from '@/stores/itemLists'
import ItemCard from '@/components/ItemCard'
import ListFooter from '@/components/ListFooter'
import { EmptyState, ErrorState, LoadingRows } from '@/components/StatusViews'
import { a11y } from '@/platform/a11y'
import { usePullToRefresh } from '@/hooks/usePullToRefresh'
import { routeParam } from '@/navigation'
import './index.scss'
import PageRoot from '@/components/PageRoot'

/** Items of one topic, department or hall. */
export default function ItemsPage() {
  const params = useRouter().params
  const topic = routeParam(params, 'topic')
  const department = routeParam(params, 'department')
  const hall = routeParam(params, 'hall')
  const filter = useMemo(
    () => ({ topic: topic || undefined, department: department || undefined, hall: hall || undefined }),
    [topic, department, hall],
  )
  const title = topic || department || '事项列表'
  const { list, reload, loadMore } = useItemQuery(filter)

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title }).catch(() => {})
  }, [title])
  usePullToRefresh(reload)
  useReachBottom(() => void loadMore())

  if (list.status === 'error' && list.items.length === 0) {
    return <ErrorState error={list.error} onRetry={() => void reload()} />
  }
  if (list.items.length === 0 && list.status !== 'ready') return <LoadingRows rows={6} />
  if (list.total === 0) {
    return <EmptyState title='这里暂时没有事项' description='可以返回换个分类,或在首页搜索您要办的事。' />
  }
  return (
    <PageRoot className='items-page'>
      <Text className='items-page__title' {...a11y({ role: 'heading', level: 1 })}>
        {title} · 共 {list.total} 项
      </Text>
      {list.items.map((item) => (
        <ItemCard key={item.code} item={item} />
      ))}
      <ListFooter list={list} onMore={() => void loadMore()} />
    </PageRoot>
  )
}

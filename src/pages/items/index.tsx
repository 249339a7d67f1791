import { Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useMemo } from 'react'
import { useItemQuery } from '@/stores/itemLists'
import ItemCard, { ITEM_CARD_DESIGN_HEIGHT } from '@/components/ItemCard'
import VirtualList from '@/components/VirtualList'
import ListFooter from '@/components/ListFooter'
import { EmptyState, ErrorState, LoadingRows } from '@/components/StatusViews'
import { a11y } from '@/platform/a11y'
import { designToPx } from '@/platform/screenSize'
import { usePullToRefresh } from '@/hooks/usePullToRefresh'
import { routeParam } from '@/navigation'
import './index.scss'
import PageRoot from '@/components/PageRoot'
import { useT } from '@/i18n/useT'

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
  const t = useT()
  const title = topic || department || t('items.pageTitle')
  const { list, reload, loadMore } = useItemQuery(filter)

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title }).catch(() => {})
  }, [title])
  usePullToRefresh(reload)

  if (list.status === 'error' && list.items.length === 0) {
    return <ErrorState error={list.error} onRetry={() => void reload()} />
  }
  if (list.items.length === 0 && list.status !== 'ready') return <LoadingRows rows={6} />
  if (list.total === 0) {
    return <EmptyState title={t('items.emptyTitle')} description={t('items.emptyHint')} />
  }
  return (
    <PageRoot className='items-page virtual-list-page'>
      <VirtualList
        items={list.items}
        keyOf={(item) => item.code}
        renderRow={(item) => <ItemCard item={item} />}
        label={title}
        estimatedRowHeight={designToPx(ITEM_CARD_DESIGN_HEIGHT)}
        onEndReached={() => void loadMore()}
        header={
          <Text className='items-page__title' {...a11y({ role: 'heading', level: 1 })}>
            {t('items.count', { title, count: list.total })}
          </Text>
        }
        footer={<ListFooter list={list} onMore={() => void loadMore()} />}
      />
    </PageRoot>
  )
}

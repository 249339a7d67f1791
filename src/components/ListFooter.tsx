import { Text } from '@tarojs/components'
import type { ItemListState } from '@/stores/itemLists'
import Pressable from './Pressable'
import { LoadingRows } from './StatusViews'
import './ListFooter.scss'
import { useT } from '@/i18n/useT'

/** The end of a paged list: loading the next page, a retry after a failed page, "load more", or the end. */
export default function ListFooter({ list, onMore }: { list: ItemListState; onMore(): void }) {
  const t = useT()
  if (list.loadingMore) return <LoadingRows rows={1} label={t('common.loadingMore')} />
  if (list.items.length < list.total) {
    return (
      <Pressable className='list-footer list-footer--more' onPress={onMore}>
        {list.error ? `${list.error.message} ${t('common.tapToRetry')}` : t('common.loadMore')}
      </Pressable>
    )
  }
  return list.total > 0 ? <Text className='list-footer'>{t('common.noMore')}</Text> : null
}

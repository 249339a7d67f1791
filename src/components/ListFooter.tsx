import { Text } from '@tarojs/components'
import type { ItemListState } from '@/stores/itemLists'
import Pressable from './Pressable'
import { LoadingRows } from './StatusViews'
import './ListFooter.scss'

/** The end of a paged list: loading the next page, a retry after a failed page, "load more", or the end. */
export default function ListFooter({ list, onMore }: { list: ItemListState; onMore(): void }) {
  if (list.loadingMore) return <LoadingRows rows={1} label='正在加载更多' />
  if (list.items.length < list.total) {
    return (
      <Pressable className='list-footer list-footer--more' onPress={onMore}>
        {list.error ? `${list.error.message} 点此重试` : '加载更多'}
      </Pressable>
    )
  }
  return list.total > 0 ? <Text className='list-footer'>没有更多了</Text> : null
}

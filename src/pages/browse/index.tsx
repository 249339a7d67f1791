import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { useBrowseStore } from '@/stores/browse'
import type { Resource } from '@/stores/resource'
import { EmptyState, ErrorState, LoadingRows, StaleNotice } from '@/components/StatusViews'
import { a11y } from '@/platform/a11y'
import { usePullToRefresh } from '@/hooks/usePullToRefresh'
import { openPage, paths, routeParam } from '@/navigation'
import PageRoot from '@/components/PageRoot'
import './index.scss'
import Pressable from '@/components/Pressable'

type Tab = 'topics' | 'departments'

interface Entry {
  name: string
  count: number
  open(): void
}

function EntryList({ resource, entries, onRetry }: { resource: Resource<unknown>; entries: Entry[]; onRetry(): void }) {
  if (resource.status === 'error' && !resource.data) return <ErrorState error={resource.error} onRetry={onRetry} />
  if (!resource.data) return <LoadingRows rows={6} />
  if (entries.length === 0) return <EmptyState title='暂无分类' description='事项目录正在更新,请稍后再来看看。' />
  return (
    <View>
      {resource.status === 'error' ? <StaleNotice error={resource.error} onRetry={onRetry} /> : null}
      <View className='browse__list' {...a11y({ role: 'list' })}>
        {entries.map((entry) => (
          <View key={entry.name} {...a11y({ role: 'listitem' })}>
            <Pressable className='browse__entry' role='link' label={`${entry.name},${entry.count}项`} onPress={entry.open}>
              <Text className='browse__name'>{entry.name}</Text>
              <Text className='browse__count'>
                {entry.count}项<Text {...a11y({ hidden: true })}> ›</Text>
              </Text>
            </Pressable>
          </View>
        ))}
      </View>
    </View>
  )
}

export default function BrowsePage() {
  const initial = routeParam(useRouter().params, 'tab') === 'departments' ? 'departments' : 'topics'
  const [tab, setTab] = useState<Tab>(initial)
  const { topics, departments, loadTopics, loadDepartments } = useBrowseStore()

  useEffect(() => {
    if (tab === 'topics') void loadTopics()
    else void loadDepartments()
  }, [tab, loadTopics, loadDepartments])
  usePullToRefresh(() => (tab === 'topics' ? loadTopics({ refresh: true }) : loadDepartments({ refresh: true })))

  const tabs: Array<{ id: Tab; label: string }> = [
    { id: 'topics', label: '按主题' },
    { id: 'departments', label: '按部门' },
  ]

  return (
    <PageRoot className='browse'>
      <View className='browse__tabs'>
        {tabs.map(({ id, label }) => (
          <Pressable
            key={id}
            className={`browse__tab${tab === id ? ' browse__tab--active' : ''}`}
            label={`${label}${tab === id ? ',已选中' : ''}`}
            onPress={() => setTab(id)}
          >
            {label}
          </Pressable>
        ))}
      </View>
      {tab === 'topics' ? (
        <EntryList
          resource={topics}
          entries={(topics.data ?? []).map(({ topic, count }) => ({ name: topic, count, open: () => openPage(paths.items({ topic })) }))}
          onRetry={() => void loadTopics({ refresh: true })}
        />
      ) : (
        <EntryList
          resource={departments}
          entries={(departments.data ?? []).map(({ department, count }) => ({
            name: department,
            count,
            open: () => openPage(paths.items({ department })),
          }))}
          onRetry={() => void loadDepartments({ refresh: true })}
        />
      )}
    </PageRoot>
  )
}

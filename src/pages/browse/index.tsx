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
import { useT } from '@/i18n/useT'
import { usePageTitle } from '@/hooks/usePageTitle'

type Tab = 'topics' | 'departments'

interface Entry {
  name: string
  count: number
  open(): void
}

function EntryList({ resource, entries, onRetry }: { resource: Resource<unknown>; entries: Entry[]; onRetry(): void }) {
  const t = useT()
  if (resource.status === 'error' && !resource.data) return <ErrorState error={resource.error} onRetry={onRetry} />
  if (!resource.data) return <LoadingRows rows={6} />
  if (entries.length === 0) return <EmptyState title={t('browse.emptyTitle')} description={t('browse.emptyHint')} />
  return (
    <View>
      {resource.status === 'error' ? <StaleNotice error={resource.error} onRetry={onRetry} /> : null}
      <View className='browse__list' {...a11y({ role: 'list' })}>
        {entries.map((entry) => (
          <View key={entry.name} {...a11y({ role: 'listitem' })}>
            <Pressable className='browse__entry' role='link' label={t('browse.entryLabel', { name: entry.name, count: entry.count })} onPress={entry.open}>
              <Text className='browse__name'>{entry.name}</Text>
              <Text className='browse__count'>
                {t('browse.count', { count: entry.count })}<Text {...a11y({ hidden: true })}> ›</Text>
              </Text>
            </Pressable>
          </View>
        ))}
      </View>
    </View>
  )
}

export default function BrowsePage() {
  const t = useT()
  usePageTitle('browse.pageTitle')
  const initial = routeParam(useRouter().params, 'tab') === 'departments' ? 'departments' : 'topics'
  const [tab, setTab] = useState<Tab>(initial)
  const { topics, departments, loadTopics, loadDepartments } = useBrowseStore()

  useEffect(() => {
    if (tab === 'topics') void loadTopics()
    else void loadDepartments()
  }, [tab, loadTopics, loadDepartments])
  usePullToRefresh(() => (tab === 'topics' ? loadTopics({ refresh: true }) : loadDepartments({ refresh: true })))

  const tabs: Array<{ id: Tab; label: string }> = [
    { id: 'topics', label: t('browse.byTopic') },
    { id: 'departments', label: t('browse.byDepartment') },
  ]

  return (
    <PageRoot className='browse'>
      <View className='browse__tabs'>
        {tabs.map(({ id, label }) => (
          <Pressable
            key={id}
            className={`browse__tab${tab === id ? ' browse__tab--active' : ''}`}
            label={tab === id ? t('browse.selected', { label }) : label}
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

import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { Hall } from '@/domain/contract'
import type { LatLng } from '@/domain/geo'
import { recommendHall } from '@/domain/hallChoice'
import { fetchHalls } from '@/api/queue'
import { currentPosition } from '@/platform/location'
import { a11y } from '@/platform/a11y'
import { apiErrorOf, failed, idle, loading, ready, type Resource } from '@/stores/resource'
import PageRoot from '@/components/PageRoot'
import Pressable from '@/components/Pressable'
import { EmptyState, ErrorState, LoadingRows, StaleNotice } from '@/components/StatusViews'
import QueueHallCard from '@/components/queue/QueueHallCard'
import { expectedWaitText } from '@/components/queue/queueText'
import { usePullToRefresh } from '@/hooks/usePullToRefresh'
import { usePageTitle } from '@/hooks/usePageTitle'
import { useRefreshWhileShown } from '@/hooks/useRefreshWhileShown'
import { routeParam } from '@/navigation'
import { useT } from '@/i18n/useT'
import './index.scss'
import '@/i18n/queue'

type Locating = { status: 'locating' } | { status: 'located'; position: LatLng } | { status: 'refused'; reason: 'denied' | 'unavailable' }

/** Waiting figures move; the list is re-read this often while in sight (one request, not a socket per hall). */
const LIST_REFRESH_MS = 30_000

/** Halls nearest first with today's hours and live queues; from a guide, only those that handle the item. */
export default function Halls() {
  const t = useT()
  usePageTitle('queue.halls.pageTitle')
  const item = routeParam(useRouter().params, 'item')
  const [locating, setLocating] = useState<Locating>({ status: 'locating' })
  const [halls, setHalls] = useState<Resource<Hall[]>>(idle)
  const latestHalls = useRef(halls)
  latestHalls.current = halls

  async function load(position: LatLng | null) {
    setHalls(loading(latestHalls.current))
    try {
      setHalls(ready(await fetchHalls({ item: item || undefined, lat: position?.lat, lng: position?.lng })))
    } catch (error) {
      const apiError = apiErrorOf(error)
      if (apiError) setHalls(failed(apiError, latestHalls.current))
    }
  }

  async function locateAndLoad() {
    setLocating({ status: 'locating' })
    const found = await currentPosition()
    setLocating(found.ok ? { status: 'located', position: found.position } : { status: 'refused', reason: found.reason })
    await load(found.ok ? found.position : null)
  }

  useEffect(() => {
    void locateAndLoad()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const position = locating.status === 'located' ? locating.position : null
  const reload = () => load(position)
  usePullToRefresh(reload)
  useRefreshWhileShown(() => {
    if (halls.status === 'ready') void reload()
  }, LIST_REFRESH_MS)

  const list = halls.data ?? []
  const choice = item ? recommendHall(list) : null

  return (
    <PageRoot className='halls'>
      <View className='halls__head'>
        <Text className='halls__title' {...a11y({ role: 'heading', level: 1 })}>
          {item ? t('queue.halls.titleForItem') : t('queue.halls.title')}
        </Text>
        {locating.status === 'locating' ? <Text className='halls__where'>{t('queue.halls.locating')}</Text> : null}
        {locating.status === 'located' ? <Text className='halls__where'>{t('queue.halls.nearestFirst')}</Text> : null}
        {locating.status === 'refused' ? (
          <View className='halls__refused' {...a11y({ role: 'status' })}>
            <Text className='halls__where'>{t(locating.reason === 'denied' ? 'queue.halls.locationDenied' : 'queue.halls.locationUnavailable')}</Text>
            <Pressable className='halls__retry' onPress={() => void locateAndLoad()}>
              {t('queue.halls.tryLocation')}
            </Pressable>
          </View>
        ) : null}
      </View>

      {halls.status === 'error' && halls.data ? <StaleNotice error={halls.error} onRetry={() => void reload()} /> : null}
      {halls.status === 'error' && !halls.data ? <ErrorState error={halls.error} onRetry={halls.error.retryable ? () => void reload() : undefined} /> : null}
      {!halls.data && halls.status !== 'error' ? <LoadingRows rows={4} /> : null}
      {halls.data && list.length === 0 ? <EmptyState title={t('queue.halls.empty')} description={t('queue.halls.emptyHint')} /> : null}

      {item && halls.data && list.length > 0 ? (
        <View className='halls__advice' {...a11y({ role: 'region', label: choice ? t('queue.halls.recommended', { name: choice.hall.name }) : t('queue.halls.noneOpen') })}>
          {choice ? (
            <View>
              <Text className='halls__advice-title'>{t('queue.halls.recommended', { name: choice.hall.name })}</Text>
              <Text className='halls__advice-reason'>
                {choice.travelMin !== null
                  ? t('queue.halls.recommendReason', { travel: choice.travelMin, wait: choice.waitMin })
                  : t('queue.halls.recommendReasonWait', { expected: choice.hall.queue ? expectedWaitText(t, choice.hall.queue.estimatedWaitMin, choice.hall.queue.estimatedWaitHighMin) : t('queue.wait.expected', { wait: t('queue.wait.about', { minutes: choice.waitMin }) }) })}
              </Text>
            </View>
          ) : (
            <Text className='halls__advice-reason'>{t('queue.halls.noneOpen')}</Text>
          )}
        </View>
      ) : null}

      {list.length > 0 ? (
        <View className='halls__list' {...a11y({ role: 'list' })}>
          {list.map((hall) => (
            <QueueHallCard key={hall.id} hall={hall} recommended={choice?.hall.id === hall.id} />
          ))}
        </View>
      ) : null}
    </PageRoot>
  )
}

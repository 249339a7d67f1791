import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { HallDetail, QueueSnapshot } from '@/domain/contract'
import { fetchHall, takeTicket } from '@/api/queue'
import { askForReminders } from '@/platform/reminderConsent'
import { newIdempotencyKey } from '@/api/idempotencyKey'
import type { ApiError } from '@/api/apiError'
import { apiErrorOf, failed, idle, loading, ready, type Resource } from '@/stores/resource'
import { useSessionStore } from '@/stores/session'
import { useHeldTickets, useMyTicketsStore } from '@/stores/myTickets'
import PageRoot from '@/components/PageRoot'
import Section from '@/components/Section'
import Pressable from '@/components/Pressable'
import ActionButton from '@/components/ActionButton'
import { ErrorState, LoadingRows } from '@/components/StatusViews'
import LiveBadge from '@/components/queue/LiveBadge'
import { clockText, hoursTodayText, levelText } from '@/components/queue/queueText'
import { a11y } from '@/platform/a11y'
import { openInMap } from '@/platform/location'
import PhoneLink from '@/platform/PhoneLink'
import { useLiveFeed } from '@/hooks/useLiveFeed'
import { usePageTitle } from '@/hooks/usePageTitle'
import { usePullToRefresh } from '@/hooks/usePullToRefresh'
import { openPage, paths, routeParam } from '@/navigation'
import { useT } from '@/i18n/useT'
import CategoryQueue from './CategoryQueue'
import './index.scss'
import '@/i18n/queue'

/** A hall's queues live, per category, and remote ticket taking (远程取号) for signed-in citizens. */
export default function HallQueue() {
  const t = useT()
  usePageTitle('queue.hall.pageTitle')
  const id = routeParam(useRouter().params, 'id')
  const signedIn = useSessionStore((state) => state.user !== null)
  const held = useHeldTickets().find((ticket) => ticket.hallId === id)
  const track = useMyTicketsStore((state) => state.track)
  const [hall, setHall] = useState<Resource<HallDetail>>(idle)
  const [snapshot, setSnapshot] = useState<QueueSnapshot | null>(null)
  const [takeError, setTakeError] = useState<ApiError | null>(null)
  const [taking, setTaking] = useState<string | null>(null)
  /** One key per category while a take is unanswered, so pressing again after a lost answer cannot issue two. */
  const pendingKeys = useRef(new Map<string, string>())

  async function load() {
    setHall((current) => loading(current))
    try {
      setHall(ready(await fetchHall(id)))
    } catch (error) {
      const apiError = apiErrorOf(error)
      if (apiError) setHall((current) => failed(apiError, current))
    }
  }
  useEffect(() => {
    void load()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])
  usePullToRefresh(load)

  const mode = useLiveFeed(hall.data ? { hall: id } : null, { onSnapshot: setSnapshot })

  async function take(categoryId: string) {
    if (!signedIn) {
      openPage(paths.login(paths.hall(id)))
      return
    }
    if (taking) return
    void askForReminders(['queue'])
    const key = pendingKeys.current.get(categoryId) ?? newIdempotencyKey()
    pendingKeys.current.set(categoryId, key)
    setTaking(categoryId)
    setTakeError(null)
    try {
      const ticket = await takeTicket(id, categoryId, key)
      pendingKeys.current.delete(categoryId)
      track(ticket)
      openPage(paths.ticket(ticket.id))
    } catch (error) {
      const apiError = apiErrorOf(error)
      // An answer (even a refusal) settles this press; only a lost one keeps its key for the retry.
      if (apiError?.status) pendingKeys.current.delete(categoryId)
      setTakeError(apiError)
    } finally {
      setTaking(null)
    }
  }

  if (hall.status === 'error' && !hall.data) {
    return (
      <PageRoot className='hall-queue'>
        <ErrorState error={hall.error} onRetry={hall.error.code === 'HALL_NOT_FOUND' ? undefined : () => void load()} />
      </PageRoot>
    )
  }
  if (!hall.data) {
    return (
      <PageRoot className='hall-queue'>
        <LoadingRows rows={4} />
      </PageRoot>
    )
  }

  const detail = hall.data
  const openNow = snapshot?.openNow ?? detail.openNow
  const canTake = openNow && !held
  return (
    <PageRoot className='hall-queue' phone={detail.phone} phoneLabel={detail.name}>
      <View className='hall-queue__head'>
        <Text className='hall-queue__title' {...a11y({ role: 'heading', level: 1 })}>
          {detail.name}
        </Text>
        <Text className='hall-queue__line'>
          {levelText(t, detail.level)} · {openNow ? t('queue.hall.open') : t('queue.hall.closed')}
        </Text>
        <Text className='hall-queue__line'>{hoursTodayText(t, detail.hoursToday)}</Text>
        {detail.selfService24h ? <Text className='hall-queue__line'>{t('queue.hall.selfService')}</Text> : null}
        <Text className='hall-queue__line'>{detail.address}</Text>
        <View className='hall-queue__actions'>
          <Pressable
            className='hall-queue__action'
            label={t('queue.hall.openMapLabel', { name: detail.name })}
            onPress={() => openInMap({ lat: detail.lat, lng: detail.lng, name: detail.name, address: detail.address })}
          >
            {t('queue.hall.openMap')}
          </Pressable>
          <PhoneLink className='hall-queue__action' phone={detail.phone} label={t('queue.hall.callLabel', { name: detail.name, phone: detail.phone })}>
            <Text>{t('queue.hall.call')}</Text>
          </PhoneLink>
        </View>
      </View>

      {held ? (
        <Pressable className='hall-queue__held' role='link' onPress={() => openPage(paths.ticket(held.id))}>
          {t('queue.hall.haveTicket', { number: held.number })}
        </Pressable>
      ) : null}
      {!openNow ? (
        <Text className='hall-queue__note' {...a11y({ role: 'status' })}>
          {t('queue.hall.closedNoTicket')}
        </Text>
      ) : null}
      {openNow && !signedIn ? (
        <View className='hall-queue__sign-in'>
          <ActionButton block primary={false} onPress={() => openPage(paths.login(paths.hall(id)))}>
            {t('queue.hall.signInToTake')}
          </ActionButton>
        </View>
      ) : null}
      {takeError ? (
        <Text className='hall-queue__error' {...a11y({ role: 'alert' })}>
          {takeError.message}
        </Text>
      ) : null}
      {/* Taken on another device: the server names the ticket, so it is one tap away here too. */}
      {takeError?.code === 'TICKET_EXISTS' && typeof takeError.details.ticketId === 'string' && !held ? (
        <Pressable className='hall-queue__held' role='link' onPress={() => openPage(paths.ticket(String(takeError.details.ticketId)))}>
          {t('queue.ticket.pageTitle')}
        </Pressable>
      ) : null}

      <Section title={t('queue.hall.categories')} extra={<LiveBadge mode={mode} />}>
        {snapshot ? (
          <View {...a11y({ role: 'list' })}>
            {snapshot.categories.map((category) => (
              <CategoryQueue
                key={category.id}
                category={category}
                busy={taking === category.id}
                onTake={canTake && signedIn ? () => void take(category.id) : null}
              />
            ))}
            <Text className='hall-queue__updated'>{t('queue.hall.updatedAt', { time: clockText(snapshot.updatedAt) })}</Text>
          </View>
        ) : (
          <LoadingRows rows={2} />
        )}
      </Section>
    </PageRoot>
  )
}

import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { Ticket } from '@/domain/contract'
import { ACTIVE_TICKET_STATUSES } from '@/domain/ticketStatus'
import { reminderBetween, type TicketReminder } from '@/domain/ticketReminder'
import { cancelTicket, fetchTicket } from '@/api/queue'
import { apiErrorOf, failed, idle, loading, ready, type Resource } from '@/stores/resource'
import { useMyTicketsStore } from '@/stores/myTickets'
import PageRoot from '@/components/PageRoot'
import ActionButton from '@/components/ActionButton'
import Pressable from '@/components/Pressable'
import { ErrorState, LoadingRows } from '@/components/StatusViews'
import LiveBadge from '@/components/queue/LiveBadge'
import { clockText, expectedWaitText, statusText } from '@/components/queue/queueText'
import { a11y } from '@/platform/a11y'
import { deliverReminder } from '@/platform/reminderChannels'
import { confirmAction, notify } from '@/dialogs'
import { useLiveFeed } from '@/hooks/useLiveFeed'
import { usePageTitle } from '@/hooks/usePageTitle'
import { usePullToRefresh } from '@/hooks/usePullToRefresh'
import { openPage, paths, routeParam } from '@/navigation'
import { useT } from '@/i18n/useT'
import ReminderBanner from './ReminderBanner'
import './index.scss'
import '@/i18n/queue'

const isActive = (ticket: Ticket) => (ACTIVE_TICKET_STATUSES as readonly string[]).includes(ticket.status)

/** One remote ticket, live: number, people ahead, expected wait; reminders when near and when called; cancel. */
export default function TicketPage() {
  const t = useT()
  usePageTitle('queue.ticket.pageTitle')
  const id = routeParam(useRouter().params, 'id')
  const track = useMyTicketsStore((state) => state.track)
  const [ticket, setTicket] = useState<Resource<Ticket>>(idle)
  const [reminder, setReminder] = useState<TicketReminder | null>(null)
  const [cancelling, setCancelling] = useState(false)
  const shown = useRef<Ticket | null>(null)

  /** Every version of the ticket passes here, from the first read, the socket, polling or a cancel. */
  function show(next: Ticket) {
    const due = reminderBetween(shown.current, next)
    shown.current = next
    setTicket(ready(next))
    track(next)
    if (due) {
      setReminder(due)
      deliverReminder(due, next)
    } else if (!isActive(next)) {
      setReminder(null)
    }
  }

  async function load() {
    setTicket((current) => loading(current))
    try {
      show(await fetchTicket(id))
    } catch (error) {
      const apiError = apiErrorOf(error)
      if (apiError) setTicket((current) => failed(apiError, current))
    }
  }
  useEffect(() => {
    void load()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])
  usePullToRefresh(load)

  const current = ticket.data
  const following = !!current && isActive(current)
  const mode = useLiveFeed(following ? { ticket: id } : null, { onTicket: show })

  async function cancel() {
    if (!current || cancelling) return
    if (!(await confirmAction(t('queue.ticket.cancelTitle'), t('queue.ticket.cancelConfirm'), t('queue.ticket.cancel')))) return
    setCancelling(true)
    try {
      show(await cancelTicket(current.id))
      notify(t('queue.ticket.cancelled'))
    } catch (error) {
      const apiError = apiErrorOf(error)
      if (apiError) notify(apiError.message)
      if (apiError?.code === 'TICKET_NOT_ACTIVE') await load()
    } finally {
      setCancelling(false)
    }
  }

  if (!current) {
    return (
      <PageRoot className='ticket'>
        {ticket.status === 'error' ? (
          <ErrorState error={ticket.error} onRetry={ticket.error.retryable ? () => void load() : undefined}>
            {ticket.error.status === 401 ? <ActionButton onPress={() => openPage(paths.login(paths.ticket(id)))}>{t('me.phoneSignIn')}</ActionButton> : null}
          </ErrorState>
        ) : (
          <LoadingRows rows={3} />
        )}
      </PageRoot>
    )
  }

  return (
    <PageRoot className='ticket'>
      <ReminderBanner reminder={reminder} onDismiss={() => setReminder(null)} />
      <View className='ticket__card'>
        <Text className='ticket__hall' {...a11y({ role: 'heading', level: 1 })}>
          {current.hallName}
        </Text>
        <Text className='ticket__category'>{current.categoryName}</Text>
        <Text className='ticket__label'>{t('queue.ticket.yourNumber')}</Text>
        <Text className='ticket__number' {...a11y({ label: t('queue.ticket.numberLabel', { number: current.number }) })}>
          {current.number}
        </Text>
        <Text className={`ticket__status ticket__status--${current.status}`} {...a11y({ role: 'status', live: 'polite' })}>
          {current.status === 'called' && current.window ? t('queue.ticket.goToWindow', { window: current.window }) : statusText(t, current.status)}
        </Text>
        {current.status === 'waiting' ? (
          <View className='ticket__figures'>
            <Text className='ticket__ahead'>{t('queue.ticket.ahead', { count: current.ahead })}</Text>
            <Text className='ticket__wait'>{expectedWaitText(t, current.estimatedWaitMin, current.estimatedWaitHighMin)}</Text>
          </View>
        ) : null}
        <Text className='ticket__meta'>{t('queue.ticket.issuedAt', { time: clockText(current.issuedAt) })}</Text>
        {following ? <LiveBadge mode={mode} /> : null}
      </View>

      {current.status === 'waiting' ? <Text className='ticket__hint'>{t('queue.ticket.keepOpen')}</Text> : null}
      {current.status === 'skipped' ? <Text className='ticket__hint'>{t('queue.ticket.skippedHint')}</Text> : null}
      {current.status === 'done' ? <Text className='ticket__hint'>{t('queue.ticket.doneHint')}</Text> : null}
      {current.status === 'cancelled' ? <Text className='ticket__hint'>{t('queue.ticket.cancelledHint')}</Text> : null}

      <View className='ticket__actions'>
        <Pressable className='ticket__link' role='link' onPress={() => openPage(paths.hall(current.hallId))}>
          {t('queue.ticket.toHall')} ›
        </Pressable>
        {current.status === 'waiting' ? (
          <ActionButton block primary={false} onPress={() => void cancel()}>
            {t('queue.ticket.cancel')}
          </ActionButton>
        ) : null}
      </View>
    </PageRoot>
  )
}

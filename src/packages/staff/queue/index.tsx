import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { HallDetail, QueueSnapshot, StaffQueue } from '@/domain/contract'
import { actOnTicket, callNext, closeWindow, fetchHall, fetchStaffQueue, transferTicket } from '@/api/queue'
import type { ApiError } from '@/api/apiError'
import { apiErrorOf } from '@/stores/resource'
import { useSessionStore } from '@/stores/session'
import PageRoot from '@/components/PageRoot'
import Section from '@/components/Section'
import ActionButton from '@/components/ActionButton'
import Pressable from '@/components/Pressable'
import { EmptyState, ErrorState, LoadingRows } from '@/components/StatusViews'
import LiveBadge from '@/components/queue/LiveBadge'
import { a11y } from '@/platform/a11y'
import { confirmAction, notify } from '@/dialogs'
import { useLiveFeed } from '@/hooks/useLiveFeed'
import { usePageTitle } from '@/hooks/usePageTitle'
import { usePullToRefresh } from '@/hooks/usePullToRefresh'
import { openPage, paths, routeParam } from '@/navigation'
import { useT } from '@/i18n/useT'
import { useWindowChoiceStore, type WindowChoice } from './windowChoice'
import WindowSetup from './WindowSetup'
import WindowConsole, { type ConsoleAction } from './WindowConsole'
import './index.scss'
import '@/i18n/queue'

const WAITING_SHOWN = 30

/** Window staff: choose hall and window once, then call, recall, skip, transfer and complete, the queue live. */
export default function StaffQueuePage() {
  const t = useT()
  usePageTitle('queue.staff.pageTitle')
  const params = useRouter().params
  const user = useSessionStore((state) => state.user)
  const stored = useWindowChoiceStore((state) => state.choice)
  const choose = useWindowChoiceStore((state) => state.choose)
  const [editing, setEditing] = useState(false)
  const fixedHallId = user?.role === 'window_staff' ? user.hallId : null
  const asked = { hallId: routeParam(params, 'hall'), windowNo: Number(routeParam(params, 'window')) || 0 }
  // A remembered window at another hall (a shared device) does not apply to window staff of this one.
  const choice = stored && (!fixedHallId || stored.hallId === fixedHallId) ? stored : null
  const initial: WindowChoice | null = asked.hallId ? { hallId: asked.hallId, windowNo: asked.windowNo, categoryIds: choice?.categoryIds ?? [] } : choice

  if (user?.role !== 'window_staff' && user?.role !== 'admin') {
    return (
      <PageRoot className='staff-queue'>
        <EmptyState title={t('queue.staff.signInFirst')} description={t('queue.staff.signInFirstHint')}>
          <ActionButton onPress={() => openPage(paths.staffLogin)}>{t('queue.staff.signIn')}</ActionButton>
        </EmptyState>
      </PageRoot>
    )
  }

  return (
    <PageRoot className='staff-queue'>
      <Text className='staff-queue__page-title' {...a11y({ role: 'heading', level: 1 })}>
        {t('queue.staff.pageTitle')}
      </Text>
      {!choice || editing || (asked.hallId && asked.hallId !== choice.hallId) ? (
        <WindowSetup
          fixedHallId={fixedHallId}
          initial={initial}
          onChoose={(next) => {
            choose(next)
            setEditing(false)
          }}
        />
      ) : (
        <WindowDesk key={`${choice.hallId}-${choice.windowNo}`} choice={choice} onChange={() => setEditing(true)} />
      )}
    </PageRoot>
  )
}

function WindowDesk({ choice, onChange }: { choice: WindowChoice; onChange(): void }) {
  const t = useT()
  const [hall, setHall] = useState<HallDetail | null>(null)
  const [queue, setQueue] = useState<StaffQueue | null>(null)
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [actionError, setActionError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const heldVersion = useRef(-1)

  async function reload() {
    try {
      const [detail, staffQueue] = await Promise.all([hall ? Promise.resolve(hall) : fetchHall(choice.hallId), fetchStaffQueue(choice.hallId)])
      setHall(detail)
      heldVersion.current = Math.max(heldVersion.current, staffQueue.snapshot.version)
      setQueue(staffQueue)
      setLoadError(null)
    } catch (raw) {
      const error = apiErrorOf(raw)
      if (error) setLoadError(error)
    }
  }
  useEffect(() => {
    void reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  usePullToRefresh(reload)

  // Another window's call or a new ticket changes the hall's version: re-read this desk's view of it.
  const onSnapshot = (snapshot: QueueSnapshot) => {
    if (snapshot.version > heldVersion.current) void reload()
  }
  const mode = useLiveFeed({ hall: choice.hallId }, { onSnapshot })

  async function act(action: ConsoleAction) {
    if (action.kind === 'skip' && !(await confirmAction(t('queue.staff.skipTitle'), t('queue.staff.skipConfirm', { number: action.ticket.number }), t('queue.staff.skip')))) return
    if (action.kind === 'close' && !(await confirmAction(t('queue.staff.closeTitle'), t('queue.staff.closeConfirm'), t('queue.staff.closeWindow')))) return
    setBusy(true)
    setActionError(null)
    try {
      if (action.kind === 'callNext') {
        if (action.completeFirst) await actOnTicket(action.completeFirst.id, 'complete')
        const called = await callNext(choice.hallId, choice.windowNo, choice.categoryIds)
        notify(t('queue.staff.called', { number: called.number }))
      } else if (action.kind === 'close') {
        await closeWindow(choice.hallId, choice.windowNo)
        notify(t('queue.staff.closed', { no: choice.windowNo }))
      } else if (action.kind === 'transfer') {
        await transferTicket(action.ticket.id, action.category.id)
        notify(t('queue.staff.transferred', { number: action.ticket.number, name: action.category.name }))
      } else {
        await actOnTicket(action.ticket.id, action.kind)
        const done = { recall: 'queue.staff.recalled', skip: 'queue.staff.skipped', complete: 'queue.staff.completed' } as const
        notify(t(done[action.kind], { number: action.ticket.number }))
      }
    } catch (raw) {
      const error = apiErrorOf(raw)
      if (error) setActionError(error)
    } finally {
      // The buttons stay busy until the desk shows the queue as it now is, so nothing is pressed on a stale view.
      await reload()
      setBusy(false)
    }
  }

  if (!queue || !hall) {
    return loadError ? <ErrorState error={loadError} onRetry={() => void reload()} /> : <LoadingRows rows={4} />
  }
  const desk = queue.windows.find((w) => w.no === choice.windowNo)
  const current = desk?.ticket ?? null
  const served = new Set(choice.categoryIds)
  const mine = queue.waiting.filter((ticket) => served.has(ticket.categoryId))
  return (
    <View>
      <View className='staff-queue__bar'>
        <Text className='staff-queue__where'>{t('queue.staff.atWindow', { hall: hall.name, no: choice.windowNo })}</Text>
        <Pressable className='staff-queue__link' onPress={onChange}>
          {t('queue.staff.change')}
        </Pressable>
      </View>
      {actionError ? (
        <Text className='staff-queue__error' {...a11y({ role: 'alert' })}>
          {actionError.message}
        </Text>
      ) : null}
      {loadError ? <Text className='staff-queue__error'>{loadError.message}</Text> : null}
      <WindowConsole current={current} open={desk?.open ?? true} categories={hall.categories} busy={busy} onAct={(action) => void act(action)} />
      <Section title={t('queue.staff.waitingList', { count: mine.length })} extra={<LiveBadge mode={mode} />}>
        {mine.length === 0 ? <Text className='staff-queue__hint'>{t('queue.staff.waitingEmpty')}</Text> : null}
        <View {...a11y({ role: 'list' })}>
          {mine.slice(0, WAITING_SHOWN).map((ticket) => (
            <View key={ticket.id} className='staff-queue__waiting' {...a11y({ role: 'listitem' })}>
              <Text className='staff-queue__waiting-number'>{ticket.number}</Text>
              <Text className='staff-queue__hint'>
                {ticket.categoryName}
                {ticket.priority ? ` · ${t('queue.staff.priority')}` : ''}
              </Text>
            </View>
          ))}
        </View>
      </Section>
      <Section title={t('queue.hall.categories')}>
        {queue.snapshot.categories.map((category) => (
          <Text key={category.id} className='staff-queue__summary'>
            {category.name}:{t('queue.hall.waitingCount', { count: category.waiting })} · {category.serving.length ? t('queue.hall.serving', { numbers: category.serving.slice(0, 3).join('、') }) : t('queue.hall.servingNone')}
          </Text>
        ))}
      </Section>
    </View>
  )
}

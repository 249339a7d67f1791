import { View, Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { Appointment, WaitlistEntry } from '@/domain/contract'
import { appointmentWhen, clockOf, dayLabel, isUpcoming } from '@/domain/appointmentTime'
import { shanghaiTime } from '@/domain/clockTime'
import { leaveWaitlist } from '@/api/appointments'
import { apiErrorOf } from '@/stores/resource'
import { useAppointmentsStore } from '@/stores/appointments'
import { useSessionStore } from '@/stores/session'
import PageRoot from '@/components/PageRoot'
import Section from '@/components/Section'
import Pressable from '@/components/Pressable'
import ActionButton from '@/components/ActionButton'
import { EmptyState, ErrorState, LoadingRows, StaleNotice } from '@/components/StatusViews'
import { a11y } from '@/platform/a11y'
import { confirmAction, notify } from '@/dialogs'
import { usePullToRefresh } from '@/hooks/usePullToRefresh'
import { usePageTitle } from '@/hooks/usePageTitle'
import { openPage, paths } from '@/navigation'
import { useLanguage, useT } from '@/i18n/useT'
import type { MessageKey } from '@/i18n'
import '../booking.scss'
import '@/i18n/booking'

function AppointmentRow({ appointment }: { appointment: Appointment }) {
  const t = useT()
  const lang = useLanguage()
  const status = t(`booking.status.${appointment.status}` as MessageKey)
  const when = appointmentWhen(appointment.slot, new Date(), lang)
  return (
    <Pressable className='booking-row' role='link' label={t('booking.rowLabel', { item: appointment.itemName, when, hall: appointment.hallName, status })} onPress={() => openPage(paths.appointment(appointment.id))}>
      <View className='booking-row__top'>
        <Text className='booking-row__name'>{`${appointment.itemName} `}</Text>
        <Text className={`booking__status booking__status--${appointment.status}`}>{`${status} `}</Text>
      </View>
      <Text className='booking-row__when'>{`${when} `}</Text>
      <Text className='booking-row__meta'>{appointment.hallName}</Text>
    </Pressable>
  )
}

function WaitlistRow({ entry, onLeave }: { entry: WaitlistEntry; onLeave(entry: WaitlistEntry): void }) {
  const t = useT()
  const lang = useLanguage()
  const today = shanghaiTime(new Date()).date
  const day = dayLabel(entry.date, today, lang)
  const offer = entry.status === 'offered' ? entry.offer : null
  return (
    <View className='booking-row' {...a11y({ role: 'listitem' })}>
      <View className='booking-row__top'>
        <Text className='booking-row__name'>{entry.itemName}</Text>
        <Text className={`booking__status booking__status--${offer ? 'offered' : 'waiting'}`}>{offer ? t('booking.offered') : t('booking.waiting')}</Text>
      </View>
      <Text className='booking-row__when'>{day}</Text>
      <Text className='booking-row__meta'>{entry.hallName}</Text>
      {offer ? (
        <View className='booking-row__offer' {...a11y({ role: 'status' })}>
          <Text className='booking__text'>{t('booking.offerText', { time: clockOf(offer.startsAt), until: `${dayLabel(shanghaiTime(new Date(offer.expiresAt)).date, today, lang)} ${clockOf(offer.expiresAt)}` })}</Text>
          <ActionButton block onPress={() => openPage(paths.book(entry.itemCode, entry.hallId, { date: entry.date, slotId: offer.slotId }))}>{t('booking.bookOffer')}</ActionButton>
        </View>
      ) : (
        <Text className='booking__text'>{entry.position === 0 ? t('booking.firstInLine') : t('booking.position', { count: entry.position })}</Text>
      )}
      <Pressable className='booking__link' label={t('booking.leaveLabel', { day, hall: entry.hallName })} onPress={() => onLeave(entry)}>
        {t('booking.leave')}
      </Pressable>
    </View>
  )
}

/** 我的预约: upcoming first, then the waitlist, then what is past. */
export default function MyAppointments() {
  const t = useT()
  usePageTitle('booking.mineTitle')
  const signedIn = useSessionStore((state) => state.user !== null)
  const mine = useAppointmentsStore((state) => state.mine)
  const waitlist = useAppointmentsStore((state) => state.waitlist)
  const loadMine = useAppointmentsStore((state) => state.loadMine)
  const loadWaitlist = useAppointmentsStore((state) => state.loadWaitlist)
  const [leaveError, setLeaveError] = useState<string | null>(null)
  const refresh = () => Promise.all([loadMine({ refresh: true }), loadWaitlist({ refresh: true })])
  useEffect(() => {
    if (signedIn) void refresh()
  }, [signedIn])
  usePullToRefresh(refresh)

  async function leave(entry: WaitlistEntry) {
    if (!(await confirmAction(t('booking.leaveTitle'), t('booking.leaveConfirm'), t('booking.leaveAction')))) return
    setLeaveError(null)
    try {
      await leaveWaitlist(entry.id)
      notify(t('booking.left'))
      await loadWaitlist({ refresh: true })
    } catch (error) {
      const apiError = apiErrorOf(error)
      if (apiError) setLeaveError(apiError.message)
    }
  }

  if (!signedIn) {
    return (
      <PageRoot className='booking'>
        <EmptyState title={t('booking.signInToSeeMine')}>
          <ActionButton block onPress={() => openPage(paths.login(paths.myAppointments))}>{t('booking.signIn')}</ActionButton>
        </EmptyState>
      </PageRoot>
    )
  }

  const now = new Date()
  const list = mine.data
  const upcoming = list?.filter((a) => isUpcoming(a, now)).sort((a, b) => a.slot.startsAt.localeCompare(b.slot.startsAt)) ?? []
  const past = list?.filter((a) => !isUpcoming(a, now)) ?? []
  const entries = (waitlist.data ?? []).filter((entry) => entry.status === 'waiting' || entry.status === 'offered')
  const nothing = list && list.length === 0 && entries.length === 0

  return (
    <PageRoot className='booking'>
      <View className='booking__body'>
        <Text className='booking__title' {...a11y({ role: 'heading', level: 1 })}>
          {t('booking.mineTitle')}
        </Text>
      </View>
      {mine.status === 'error' && list ? <StaleNotice error={mine.error} onRetry={() => void refresh()} /> : null}
      {mine.status === 'error' && !list ? <ErrorState error={mine.error} onRetry={() => void refresh()} /> : null}
      {!list && mine.status !== 'error' ? <LoadingRows rows={3} label={t('booking.loadingMine')} /> : null}
      {nothing ? (
        <EmptyState title={t('booking.noneYet')} description={t('booking.noneYetText')}>
          <ActionButton block onPress={() => openPage(paths.search())}>{t('booking.findItem')}</ActionButton>
        </EmptyState>
      ) : null}
      {list && !nothing ? (
        <View>
          <Section title={t('booking.upcoming')}>
            {upcoming.length === 0 ? <Text className='booking__hint'>{t('booking.noUpcoming')}</Text> : null}
            <View className='booking__list'>
              {upcoming.map((appointment) => (
                <AppointmentRow key={appointment.id} appointment={appointment} />
              ))}
            </View>
          </Section>
          {entries.length > 0 ? (
            <Section title={t('booking.waitlist')}>
              {leaveError ? (
                <Text className='booking__error' {...a11y({ role: 'alert' })}>
                  {leaveError}
                </Text>
              ) : null}
              <View className='booking__list' {...a11y({ role: 'list' })}>
                {entries.map((entry) => (
                  <WaitlistRow key={entry.id} entry={entry} onLeave={(e) => void leave(e)} />
                ))}
              </View>
            </Section>
          ) : null}
          {past.length > 0 ? (
            <Section title={t('booking.past')}>
              <View className='booking__list'>
                {past.map((appointment) => (
                  <AppointmentRow key={appointment.id} appointment={appointment} />
                ))}
              </View>
            </Section>
          ) : null}
        </View>
      ) : null}
    </PageRoot>
  )
}

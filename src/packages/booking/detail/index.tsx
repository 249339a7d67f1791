import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { Appointment, Ticket } from '@/domain/contract'
import { appointmentWhen, minutesUntil } from '@/domain/appointmentTime'
import { cancelAppointment, declareRunningLate, fetchHall } from '@/api/appointments'
import { apiErrorOf } from '@/stores/resource'
import { useAppointmentsStore } from '@/stores/appointments'
import { useGuide, useGuidesStore } from '@/stores/guides'
import { useSessionStore } from '@/stores/session'
import PageRoot from '@/components/PageRoot'
import Section from '@/components/Section'
import ActionButton from '@/components/ActionButton'
import Pressable from '@/components/Pressable'
import MaterialChecklist from '@/components/MaterialChecklist'
import { EmptyState, ErrorState, LoadingRows, StaleNotice } from '@/components/StatusViews'
import QrImage from '@/platform/QrImage'
import ShareButton from '@/platform/ShareButton'
import { addToCalendar } from '@/platform/calendar'
import { openInMap } from '@/platform/location'
import { a11y } from '@/platform/a11y'
import { confirmAction, notify } from '@/dialogs'
import { usePullToRefresh } from '@/hooks/usePullToRefresh'
import { usePageTitle } from '@/hooks/usePageTitle'
import { openPage, paths, routeParam } from '@/navigation'
import { useLanguage, useT } from '@/i18n/useT'
import type { MessageKey } from '@/i18n'
import { useLoaded } from '../useLoaded'
import CheckInPanel from './CheckInPanel'
import ReschedulePanel from './ReschedulePanel'
import '../booking.scss'
import '@/i18n/booking'

const QR_SIZE = 200

function WhatToBring({ itemCode }: { itemCode: string }) {
  const t = useT()
  const guide = useGuide(itemCode)
  const load = useGuidesStore((state) => state.load)
  useEffect(() => {
    void load(itemCode)
  }, [itemCode, load])
  return (
    <Section title={t('booking.whatToBring')}>
      {guide.data ? <MaterialChecklist itemCode={itemCode} materials={guide.data.materials} /> : null}
      {!guide.data && guide.status === 'error' ? <ErrorState error={guide.error} onRetry={() => void load(itemCode, { refresh: true })} /> : null}
      {!guide.data && guide.status !== 'error' ? <LoadingRows rows={2} label={t('booking.loadingMaterials')} /> : null}
    </Section>
  )
}

function HallSection({ appointment }: { appointment: Appointment }) {
  const t = useT()
  const [hall] = useLoaded(() => fetchHall(appointment.hallId), [appointment.hallId])
  return (
    <Section title={t('booking.where')}>
      <View className='booking__stack'>
        <Text className='booking__text'>{appointment.hallName}</Text>
        <Text className='booking__hint'>{appointment.hallAddress}</Text>
        {hall.data ? (
          <ActionButton primary={false} onPress={() => openInMap({ lat: hall.data!.lat, lng: hall.data!.lng, name: hall.data!.name, address: hall.data!.address })}>
            {t('booking.navigate')}
          </ActionButton>
        ) : null}
      </View>
    </Section>
  )
}

function AppointmentBody({ appointment, fresh }: { appointment: Appointment; fresh: boolean }) {
  const t = useT()
  const lang = useLanguage()
  const remember = useAppointmentsStore((state) => state.remember)
  const [ticket, setTicket] = useState<Ticket | null>(null)
  const [rescheduling, setRescheduling] = useState(false)
  const [actionError, setActionError] = useState<string | null>(null)
  const when = appointmentWhen(appointment.slot, new Date(), lang)
  const active = appointment.status === 'booked'
  const shareTitle = t('booking.shareText', { item: appointment.itemName, time: when, hall: appointment.hallName })
  const startsIn = minutesUntil(appointment.slot.startsAt, new Date())

  useShareAppMessage(() => ({ title: shareTitle, path: paths.guide(appointment.itemCode) }))

  async function act(run: () => Promise<Appointment>, done: MessageKey) {
    setActionError(null)
    try {
      remember(await run())
      notify(t(done))
    } catch (error) {
      const apiError = apiErrorOf(error)
      if (apiError) setActionError(apiError.message)
    }
  }

  async function cancel() {
    if (!(await confirmAction(t('booking.cancelTitle'), t('booking.cancelConfirm', { time: when }), t('booking.cancelAction')))) return
    await act(() => cancelAppointment(appointment.id), 'booking.cancelled')
  }

  async function runningLate() {
    if (!(await confirmAction(t('booking.lateTitle'), t('booking.lateConfirm'), t('booking.lateAction')))) return
    await act(() => declareRunningLate(appointment.id), 'booking.lateNoted')
  }

  async function calendar() {
    const outcome = await addToCalendar({
      uid: `${appointment.id}@banshi`,
      title: t('booking.calendarTitle', { item: appointment.itemName }),
      location: `${appointment.hallName} ${appointment.hallAddress}`,
      description: t('booking.calendarDescription', { code: appointment.code }),
      startsAt: appointment.slot.startsAt,
      endsAt: appointment.slot.endsAt,
      now: new Date(),
    })
    notify(t(outcome === 'added' ? 'booking.calendarAdded' : outcome === 'downloaded' ? 'booking.calendarDownloaded' : 'booking.calendarFailed'))
  }

  const ticketId = ticket?.id ?? appointment.ticketId
  return (
    <View>
      <View className='booking__body booking__confirmation' {...a11y(fresh ? { role: 'status' } : {})}>
        <Text className='booking__title' {...a11y({ role: 'heading', level: 1 })}>
          {fresh ? t('booking.bookedTitle') : appointment.itemName}
        </Text>
        {fresh ? <Text className='booking__text'>{appointment.itemName}</Text> : null}
        <Text className={`booking__status booking__status--${appointment.status}`}>{t(`booking.status.${appointment.status}` as MessageKey)}</Text>
        <Text className='booking__when'>{when}</Text>
        {appointment.runningLate && active ? <Text className='booking__hint'>{t('booking.lateKept')}</Text> : null}
        <Text className='booking__label'>{t('booking.code')}</Text>
        <Text className='booking__code' {...a11y({ label: t('booking.codeLabel', { code: appointment.code.split('').join(' ') }) })}>
          {appointment.code}
        </Text>
        {active || appointment.status === 'checked_in' ? (
          <View className='booking__qr'>
            <QrImage text={appointment.code} size={QR_SIZE} label={t('booking.qrLabel', { code: appointment.code })} />
            <Text className='booking__hint'>{t('booking.qrHint')}</Text>
          </View>
        ) : null}
        <Text className='booking__hint'>{t('booking.bookedFor', { name: appointment.name, phone: appointment.phoneMasked })}</Text>
      </View>

      {ticketId ? (
        <View className='booking__panel' {...a11y({ role: 'status' })}>
          <Text className='booking__text'>
            {ticket ? t('booking.ticketIssued', { number: ticket.number, ahead: ticket.ahead }) : t('booking.checkedIn')}
          </Text>
          <ActionButton block onPress={() => openPage(paths.ticket(ticketId))}>{t('booking.seeTicket')}</ActionButton>
        </View>
      ) : null}

      {actionError ? (
        <Text className='booking__error booking__panel' {...a11y({ role: 'alert' })}>
          {actionError}
        </Text>
      ) : null}

      {active && appointment.canCheckIn ? <CheckInPanel appointment={appointment} onTicket={setTicket} /> : null}

      <HallSection appointment={appointment} />
      {active || appointment.status === 'checked_in' ? <WhatToBring itemCode={appointment.itemCode} /> : null}

      <Section title={t('booking.more')}>
        <View className='booking__buttons'>
          {active ? (
            <ActionButton primary={false} onPress={() => void calendar()}>
              {t('booking.addToCalendar')}
            </ActionButton>
          ) : null}
          <ShareButton className='booking__share' title={shareTitle} path={paths.guide(appointment.itemCode)} label={t('booking.share')} onDone={(outcome) => notify(t(outcome === 'copied' ? 'booking.linkCopied' : outcome === 'shared' ? 'booking.shared' : 'booking.shareFailed'))}>
            {t('booking.share')}
          </ShareButton>
        </View>
      </Section>

      {active ? (
        <Section title={t('booking.change')}>
          {rescheduling ? (
            <ReschedulePanel appointment={appointment} onDone={() => setRescheduling(false)} />
          ) : (
            <View className='booking__buttons'>
              {startsIn > 0 && !appointment.runningLate ? (
                <ActionButton primary={false} onPress={() => void runningLate()}>
                  {t('booking.runningLate')}
                </ActionButton>
              ) : null}
              {appointment.canReschedule ? (
                <ActionButton primary={false} onPress={() => setRescheduling(true)}>
                  {t('booking.reschedule')}
                </ActionButton>
              ) : null}
              {appointment.canCancel ? (
                <ActionButton primary={false} onPress={() => void cancel()}>
                  {t('booking.cancel')}
                </ActionButton>
              ) : (
                <Text className='booking__hint'>{t('booking.cancelClosed')}</Text>
              )}
            </View>
          )}
        </Section>
      ) : (
        <View className='booking__actions'>
          <ActionButton block primary={false} onPress={() => openPage(paths.book(appointment.itemCode, appointment.hallId))}>
            {t('booking.bookAgain')}
          </ActionButton>
        </View>
      )}

      <View className='booking__actions'>
        <Pressable className='booking__link' role='link' onPress={() => openPage(paths.myAppointments)}>
          {t('booking.allMine')}
        </Pressable>
      </View>
    </View>
  )
}

/** One appointment; right after booking it is the confirmation page. */
export default function AppointmentPage() {
  const t = useT()
  const id = routeParam(useRouter().params, 'id')
  usePageTitle('booking.detailTitle')
  const signedIn = useSessionStore((state) => state.user !== null)
  const resource = useAppointmentsStore((state) => state.details[id])
  const loadDetail = useAppointmentsStore((state) => state.loadDetail)
  const fresh = useAppointmentsStore((state) => state.justBooked === id)
  useEffect(() => {
    if (signedIn && id && !fresh) void loadDetail(id, { refresh: true })
  }, [signedIn, id, fresh, loadDetail])
  usePullToRefresh(() => loadDetail(id, { refresh: true }))
  // The confirmation shows once: opened again later, it is the plain appointment page.
  useEffect(() => () => useAppointmentsStore.setState({ justBooked: null }), [])

  let body
  if (!signedIn) {
    body = (
      <EmptyState title={t('booking.signInToSee')}>
        <ActionButton block onPress={() => openPage(paths.login(paths.appointment(id)))}>{t('booking.signIn')}</ActionButton>
      </EmptyState>
    )
  } else if (resource?.status === 'error' && !resource.data) {
    body = <ErrorState error={resource.error} onRetry={() => void loadDetail(id, { refresh: true })} />
  } else if (!resource?.data) {
    body = <LoadingRows rows={5} label={t('booking.loadingAppointment')} />
  } else {
    body = (
      <View>
        {resource.status === 'error' ? <StaleNotice error={resource.error} onRetry={() => void loadDetail(id, { refresh: true })} /> : null}
        <AppointmentBody appointment={resource.data} fresh={fresh} />
      </View>
    )
  }
  return <PageRoot className='booking'>{body}</PageRoot>
}

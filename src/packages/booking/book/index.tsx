import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import type { Guide, Hall, Slot, WaitlistEntry } from '@/domain/contract'
import { appointmentWhen, dayLabel } from '@/domain/appointmentTime'
import { shanghaiTime } from '@/domain/clockTime'
import { bookAppointment, fetchHallsForItem, joinWaitlist } from '@/api/appointments'
import { attemptKeys } from '@/api/idempotencyKey'
import type { ApiError } from '@/api/apiError'
import { apiErrorOf } from '@/stores/resource'
import { useGuide, useGuidesStore } from '@/stores/guides'
import { useSessionStore } from '@/stores/session'
import { useProfilePrefill } from '@/hooks/useProfilePrefill'
import { useAppointmentsStore } from '@/stores/appointments'
import PageRoot from '@/components/PageRoot'
import Section from '@/components/Section'
import ActionButton from '@/components/ActionButton'
import Pressable from '@/components/Pressable'
import { EmptyState, ErrorState, LoadingRows } from '@/components/StatusViews'
import { a11y } from '@/platform/a11y'
import { askForReminders } from '@/platform/reminderConsent'
import { openPage, paths, routeParam } from '@/navigation'
import { useLanguage, useT } from '@/i18n/useT'
import { usePageTitle } from '@/hooks/usePageTitle'
import SlotPicker from '../SlotPicker'
import ConfirmStep from './ConfirmStep'
import DetailsStep from './DetailsStep'
import { useLoaded } from '../useLoaded'
import { optionLabel } from '../optionLabel'
import { bookerFromProfile, checkBooker, fieldOf, type Booker, type BookerDraft, type BookerErrors } from '../bookerForm'
import '../booking.scss'
import '@/i18n/booking'

type Step = 'choose' | 'details' | 'confirm' | 'waitlisted'
type Mode = 'book' | 'waitlist'

/** Codes that mean "this time is no longer yours to take": choose again, with fresh places. */
const CHOOSE_AGAIN = ['SLOT_FULL', 'SLOT_IN_PAST', 'SLOT_NOT_FOUND', 'DAY_NOT_FULL']

interface FlowProps {
  guide: Guide
  halls: Hall[]
  initialHall: string | null
  initialDate: string | null
  heldSlotId: string | null
}

function BookingFlow({ guide, halls, initialHall, initialDate, heldSlotId }: FlowProps) {
  const t = useT()
  const lang = useLanguage()
  const booked = useAppointmentsStore((state) => state.booked)
  const [hallId, setHallId] = useState<string | null>(initialHall ?? (halls.length === 1 ? halls[0].id : null))
  const [date, setDate] = useState<string | null>(initialDate)
  const [slot, setSlot] = useState<Slot | null>(null)
  const [mode, setMode] = useState<Mode>('book')
  const [step, setStep] = useState<Step>('choose')
  const [draft, setDraft] = useState<BookerDraft>({ name: '', phone: '', idNumber: '' })
  const [errors, setErrors] = useState<BookerErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [booker, setBooker] = useState<Booker | null>(null)
  const [consent, setConsent] = useState(false)
  const [consentError, setConsentError] = useState<string | null>(null)
  const [notice, setNotice] = useState<{ message: string; refreshed: boolean } | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [submitError, setSubmitError] = useState<ApiError | null>(null)
  const [reloadToken, setReloadToken] = useState(0)
  const [entry, setEntry] = useState<WaitlistEntry | null>(null)
  // One key per booking attempt: a retry of the same attempt sends the same key; another slot gets a new one.
  const keyFor = useRef(attemptKeys()).current
  const hall = halls.find((h) => h.id === hallId) ?? null
  const today = shanghaiTime(new Date()).date

  useProfilePrefill((profile) => setDraft(bookerFromProfile(profile)))

  function chooseHall(id: string) {
    setHallId(id)
    setDate(null)
    setSlot(null)
    setNotice(null)
  }

  function toDetails(nextMode: Mode) {
    setMode(nextMode)
    setNotice(null)
    setStep('details')
  }

  function toConfirm() {
    const checked = checkBooker(draft, today, t)
    setErrors(checked.errors)
    if (!checked.booker) {
      setFormError(t('booking.fixDetails'))
      return
    }
    setFormError(null)
    setBooker(checked.booker)
    setSubmitError(null)
    setStep('confirm')
  }

  function chooseAgain(error: ApiError) {
    setSlot(null)
    setStep('choose')
    setNotice({ message: error.message, refreshed: error.code !== 'DAY_NOT_FULL' })
    setReloadToken((n) => n + 1)
  }

  async function submit() {
    if (!consent) {
      setConsentError(t('booking.consentMissing'))
      return
    }
    if (!booker || !hall || !date) return
    // Checking in at the hall gives a queue number, so its reminders are asked for now too.
    void askForReminders(['appointment', 'queue'])
    setConsentError(null)
    setSubmitting(true)
    setSubmitError(null)
    try {
      if (mode === 'waitlist') {
        setEntry(await joinWaitlist({ hallId: hall.id, itemCode: guide.code, date, ...booker }))
        setStep('waitlisted')
      } else if (slot) {
        const body = { slotId: slot.id, itemCode: guide.code, ...booker }
        const appointment = await bookAppointment(body, keyFor(JSON.stringify(body)))
        booked(appointment)
        const url = paths.appointment(appointment.id)
        Taro.redirectTo({ url }).catch(() => openPage(url))
      }
    } catch (raw) {
      const error = apiErrorOf(raw)
      if (!error) return
      if (CHOOSE_AGAIN.includes(error.code)) chooseAgain(error)
      else if (error.code === 'INVALID_ID_NUMBER' || (error.code === 'VALIDATION_FAILED' && error.fields.length > 0)) {
        const fromServer: BookerErrors = {}
        if (error.code === 'INVALID_ID_NUMBER') fromServer.idNumber = error.message
        for (const issue of error.fields) {
          const name = fieldOf(issue.field)
          if (name) fromServer[name] = error.message
        }
        setErrors(fromServer)
        setFormError(error.message)
        setStep('details')
      } else setSubmitError(error)
    } finally {
      setSubmitting(false)
    }
  }

  if (step === 'waitlisted' && entry) {
    return (
      <View className='booking__body' {...a11y({ role: 'status' })}>
        <Text className='booking__title' {...a11y({ role: 'heading', level: 1 })}>
          {t('booking.waitlistJoined')}
        </Text>
        <Text className='booking__text'>{t('booking.waitlistJoinedText', { hall: entry.hallName, date: dayLabel(entry.date, today, lang), position: entry.position })}</Text>
        <ActionButton block onPress={() => openPage(paths.myAppointments)}>
          {t('booking.myAppointments')}
        </ActionButton>
      </View>
    )
  }

  if (step === 'confirm' && booker && hall && date) {
    return (
      <ConfirmStep
        waitlist={mode === 'waitlist'}
        guide={guide}
        hall={hall}
        date={date}
        slot={slot}
        booker={booker}
        today={today}
        consent={consent}
        onConsent={setConsent}
        consentError={consentError}
        submitting={submitting}
        submitError={submitError}
        onSubmit={() => void submit()}
        onBack={() => setStep('details')}
      />
    )
  }

  if (step === 'details') {
    const when = mode === 'waitlist' || !slot ? t('booking.dateLine', { date: date ? dayLabel(date, today, lang) : '' }) : t('booking.timeLine', { time: appointmentWhen(slot, new Date(), lang) })
    return (
      <DetailsStep
        summary={hall ? `${when} · ${hall.name}` : when}
        draft={draft}
        errors={errors}
        formError={formError}
        onField={(name, value) => setDraft((current) => ({ ...current, [name]: value }))}
        onNext={toConfirm}
        onBack={() => setStep('choose')}
      />
    )
  }

  return (
    <View>
      <View className='booking__body'>
        <Text className='booking__title' {...a11y({ role: 'heading', level: 1 })}>
          {t('booking.title', { name: guide.name })}
        </Text>
        <Text className='booking__hint'>{t('booking.intro')}</Text>
        {notice ? (
          <View className='booking__error-box' {...a11y({ role: 'alert' })}>
            <Text className='booking__error'>{notice.message}</Text>
            {notice.refreshed ? <Text className='booking__error'>{t('booking.placesRefreshed')}</Text> : null}
          </View>
        ) : null}
      </View>
      <Section title={t('booking.chooseHall')}>
        {halls.length === 0 ? <Text className='booking__hint'>{t('booking.noHalls')}</Text> : null}
        <View className='booking__halls' {...a11y({ role: 'list' })}>
          {halls.map((h) => (
            <View key={h.id} {...a11y({ role: 'listitem' })}>
              <Pressable
                className={`booking__hall${h.id === hallId ? ' booking__hall--on' : ''}`}
                label={optionLabel(t, h.id === hallId, h.name, h.address)}
                onPress={() => chooseHall(h.id)}
              >
                <Text className='booking__hall-name'>{`${h.name} `}</Text>
                <Text className='booking__hint'>{h.address}</Text>
              </Pressable>
            </View>
          ))}
        </View>
      </Section>
      {hall ? (
        <SlotPicker
          hallId={hall.id}
          itemCode={guide.code}
          date={date}
          slotId={slot?.id ?? null}
          heldSlotId={heldSlotId}
          reloadToken={reloadToken}
          onDate={(next) => {
            setDate(next)
            setSlot(null)
          }}
          onSlot={setSlot}
          onJoinWaitlist={() => toDetails('waitlist')}
        />
      ) : null}
      {slot ? (
        <View className='booking__actions'>
          <Text className='booking__text' {...a11y({ live: 'polite' })}>
            {t('booking.chosen', { time: appointmentWhen(slot, new Date(), lang) })}
          </Text>
          <ActionButton block onPress={() => toDetails('book')}>
            {t('booking.toDetails')}
          </ActionButton>
        </View>
      ) : null}
    </View>
  )
}

/** 预约办理: hall, day, time, who comes, check, book. Signed-in citizens only. */
export default function BookPage() {
  const t = useT()
  const params = useRouter().params
  const itemCode = routeParam(params, 'item')
  const initialHall = routeParam(params, 'hall') || null
  const initialDate = routeParam(params, 'date') || null
  const heldSlotId = routeParam(params, 'slot') || null
  usePageTitle('booking.pageTitle')
  const signedIn = useSessionStore((state) => state.user !== null)
  const role = useSessionStore((state) => state.user?.role)
  const guide = useGuide(itemCode)
  const loadGuide = useGuidesStore((state) => state.load)
  const [halls, retryHalls] = useLoaded(signedIn && itemCode ? () => fetchHallsForItem(itemCode) : null, [signedIn, itemCode])
  useEffect(() => {
    if (itemCode) void loadGuide(itemCode)
  }, [itemCode, loadGuide])

  let body
  if (!signedIn) {
    body = (
      <EmptyState title={t('booking.signInTitle')} description={t('booking.signInText')}>
        <ActionButton block onPress={() => openPage(paths.login(paths.book(itemCode, initialHall ?? undefined)))}>{t('booking.signIn')}</ActionButton>
      </EmptyState>
    )
  } else if (role !== 'citizen' && role !== 'grid_worker') {
    body = <EmptyState title={t('booking.staffCannotBook')} description={t('booking.staffCannotBookText')} />
  } else if (guide.status === 'error' && !guide.data) {
    body = <ErrorState error={guide.error} onRetry={() => void loadGuide(itemCode, { refresh: true })} />
  } else if (halls.status === 'error' && !halls.data) {
    body = <ErrorState error={halls.error} onRetry={retryHalls} />
  } else if (!guide.data || !halls.data) {
    body = <LoadingRows rows={5} label={t('booking.loading')} />
  } else if (!guide.data.appointment) {
    body = (
      <EmptyState title={t('booking.notBookable')} description={t('booking.notBookableText')}>
        <ActionButton block onPress={() => openPage(paths.guide(itemCode))}>{t('booking.seeGuide')}</ActionButton>
      </EmptyState>
    )
  } else {
    body = <BookingFlow guide={guide.data} halls={halls.data} initialHall={initialHall} initialDate={initialDate} heldSlotId={heldSlotId} />
  }
  return (
    <PageRoot className='booking' phone={guide.data?.phone || undefined} phoneLabel={guide.data?.department}>
      {body}
    </PageRoot>
  )
}

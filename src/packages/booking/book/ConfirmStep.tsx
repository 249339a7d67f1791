import { View, Text } from '@tarojs/components'
import type { Guide, Hall, Slot } from '@/domain/contract'
import { appointmentWhen, dayLabel, momentLabel } from '@/domain/appointmentTime'
import { maskIdNumber } from '@/domain/identity'
import type { ApiError } from '@/api/apiError'
import ActionButton from '@/components/ActionButton'
import ConsentCheck from '@/components/ConsentCheck'
import Pressable from '@/components/Pressable'
import { a11y } from '@/platform/a11y'
import { openPage, paths } from '@/navigation'
import { useLanguage, useT } from '@/i18n/useT'
import type { Booker } from '../bookerForm'
import '@/i18n/booking'

interface ConfirmStepProps {
  waitlist: boolean
  guide: Guide
  hall: Hall
  date: string
  slot: Slot | null
  booker: Booker
  today: string
  consent: boolean
  onConsent(checked: boolean): void
  consentError: string | null
  submitting: boolean
  submitError: ApiError | null
  onSubmit(): void
  onBack(): void
}

/** Check your answers: everything that will be sent, the consent, and what went wrong with the last try. */
export default function ConfirmStep(props: ConfirmStepProps) {
  const { waitlist, guide, hall, date, slot, booker, today, consent, onConsent, consentError, submitting, submitError, onSubmit, onBack } = props
  const t = useT()
  const lang = useLanguage()
  const suspendedUntil = submitError?.code === 'BOOKING_SUSPENDED' ? String(submitError.details.until ?? '') : ''
  const submitLabel = submitting
    ? t('booking.submitting')
    : submitError?.retryable
      ? t('booking.submitAgain')
      : waitlist
        ? t('booking.confirmWaitlist')
        : t('booking.confirmBooking')
  return (
    <View>
      <View className='booking__body'>
        <Text className='booking__title' {...a11y({ role: 'heading', level: 1 })}>
          {waitlist ? t('booking.confirmWaitlistTitle') : t('booking.confirmTitle')}
        </Text>
        <Text className='booking__text'>{t('booking.itemLine', { name: guide.name })}</Text>
        <Text className='booking__text'>{t('booking.hallLine', { name: hall.name })}</Text>
        <Text className='booking__hint'>{hall.address}</Text>
        <Text className='booking__text'>
          {waitlist || !slot ? t('booking.dateLine', { date: dayLabel(date, today, lang) }) : t('booking.timeLine', { time: appointmentWhen(slot, new Date(), lang) })}
        </Text>
        <Text className='booking__text'>{t('booking.nameLine', { name: booker.name })}</Text>
        <Text className='booking__text'>{t('booking.phoneLine', { phone: booker.phone })}</Text>
        <Text className='booking__text'>{t('booking.idLine', { id: maskIdNumber(booker.idNumber) })}</Text>
        {waitlist ? <Text className='booking__hint'>{t('booking.waitlistExplain')}</Text> : null}
      </View>
      <View className='booking__actions'>
        <ConsentCheck checked={consent} onChange={onConsent} label={t('booking.consent')} error={consentError}>
          {t('booking.consentText')}
        </ConsentCheck>
        {submitError ? (
          <View className='booking__error-box' {...a11y({ role: 'alert' })}>
            <Text className='booking__error'>{submitError.message}</Text>
            {suspendedUntil ? <Text className='booking__error'>{t('booking.suspendedUntil', { date: momentLabel(suspendedUntil, today, lang) })}</Text> : null}
            {submitError.code === 'DUPLICATE_BOOKING' || submitError.code === 'WAITLIST_EXISTS' ? (
              <Pressable className='booking__link' role='link' onPress={() => openPage(paths.myAppointments)}>
                {t('booking.seeMine')}
              </Pressable>
            ) : null}
          </View>
        ) : null}
        <ActionButton block onPress={onSubmit}>
          {submitLabel}
        </ActionButton>
        <ActionButton block primary={false} onPress={onBack}>
          {t('booking.back')}
        </ActionButton>
      </View>
    </View>
  )
}

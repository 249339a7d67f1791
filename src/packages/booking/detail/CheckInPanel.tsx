import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import type { Appointment, CheckInBody, Ticket } from '@/domain/contract'
import { hallCodeFrom } from '@/domain/hallCode'
import { checkIn } from '@/api/appointments'
import { apiErrorOf } from '@/stores/resource'
import { useAppointmentsStore } from '@/stores/appointments'
import ActionButton from '@/components/ActionButton'
import FormField from '@/components/FormField'
import Section from '@/components/Section'
import { currentPosition } from '@/platform/location'
import { canScanQrCode, scanQrCode } from '@/platform/scanCode'
import { a11y } from '@/platform/a11y'
import { useT } from '@/i18n/useT'
import '@/i18n/booking'

/** 签到: scan the hall's code (or type the one on the poster), or say "I've arrived" from within 500 m. */
export default function CheckInPanel({ appointment, onTicket }: { appointment: Appointment; onTicket(ticket: Ticket | null): void }) {
  const t = useT()
  const remember = useAppointmentsStore((state) => state.remember)
  const [typing, setTyping] = useState(!canScanQrCode())
  const [typed, setTyped] = useState('')
  const [typedError, setTypedError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)

  async function send(body: CheckInBody) {
    setBusy(true)
    setMessage(null)
    try {
      const result = await checkIn(appointment.id, body)
      remember(result.appointment)
      onTicket(result.ticket)
    } catch (error) {
      const apiError = apiErrorOf(error)
      if (apiError) setMessage(apiError.message)
    } finally {
      setBusy(false)
    }
  }

  async function scan() {
    const result = await scanQrCode({ title: t('booking.scanTitle'), cancel: t('common.cancel') })
    if (result.ok) await send({ method: 'scan', hallCode: hallCodeFrom(result.text) })
    else if (result.reason === 'unavailable') {
      setTyping(true)
      setMessage(t('booking.scanUnavailable'))
    }
  }

  async function submitTyped() {
    if (!typed.trim()) {
      setTypedError(t('booking.hallCodeMissing'))
      return
    }
    setTypedError(null)
    await send({ method: 'scan', hallCode: hallCodeFrom(typed) })
  }

  async function arrived() {
    setBusy(true)
    setMessage(null)
    const answer = await currentPosition()
    if (!answer.ok) {
      setBusy(false)
      setMessage(answer.reason === 'denied' ? t('booking.locationDenied') : t('booking.locationUnavailable'))
      return
    }
    await send({ method: 'nearby', lat: answer.position.lat, lng: answer.position.lng })
  }

  return (
    <Section title={t('booking.checkInTitle')}>
      <View className='booking__stack'>
        <Text className='booking__hint'>{t('booking.checkInIntro')}</Text>
        {message ? (
          <Text className='booking__error' {...a11y({ role: 'alert' })}>
            {message}
          </Text>
        ) : null}
        <View className='booking__buttons'>
          {canScanQrCode() ? <ActionButton block onPress={() => void scan()}>{t('booking.scanToCheckIn')}</ActionButton> : null}
          <ActionButton block primary={!canScanQrCode()} onPress={() => void arrived()}>
            {busy ? t('booking.checkingIn') : t('booking.arrived')}
          </ActionButton>
        </View>
        {typing ? (
          <View className='booking__typed'>
            <FormField label={t('booking.hallCode')} value={typed} onChange={setTyped} maxlength={60} error={typedError} hint={t('booking.hallCodeHint')} />
            <ActionButton block primary={false} onPress={() => void submitTyped()}>
              {t('booking.sendHallCode')}
            </ActionButton>
          </View>
        ) : null}
      </View>
    </Section>
  )
}

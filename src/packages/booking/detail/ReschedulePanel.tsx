import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import type { Appointment, Slot } from '@/domain/contract'
import { appointmentWhen, dayOf } from '@/domain/appointmentTime'
import { rescheduleAppointment } from '@/api/appointments'
import { apiErrorOf } from '@/stores/resource'
import { useAppointmentsStore } from '@/stores/appointments'
import ActionButton from '@/components/ActionButton'
import { confirmAction, notify } from '@/dialogs'
import { a11y } from '@/platform/a11y'
import { useLanguage, useT } from '@/i18n/useT'
import SlotPicker from '../SlotPicker'
import '@/i18n/booking'

/** 改期: another day or time at the same hall; the old place stays yours until the new one is taken. */
export default function ReschedulePanel({ appointment, onDone }: { appointment: Appointment; onDone(): void }) {
  const t = useT()
  const lang = useLanguage()
  const remember = useAppointmentsStore((state) => state.remember)
  const [date, setDate] = useState<string | null>(dayOf(appointment.slot.startsAt))
  const [slot, setSlot] = useState<Slot | null>(null)
  const [reloadToken, setReloadToken] = useState(0)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function move() {
    if (!slot) return
    const when = appointmentWhen(slot, new Date(), lang)
    if (!(await confirmAction(t('booking.rescheduleTitle'), t('booking.rescheduleConfirm', { time: when }), t('booking.rescheduleAction')))) return
    setBusy(true)
    setMessage(null)
    try {
      remember(await rescheduleAppointment(appointment.id, slot.id))
      notify(t('booking.rescheduled'))
      onDone()
    } catch (error) {
      const apiError = apiErrorOf(error)
      if (!apiError) return
      setMessage(apiError.message)
      if (apiError.code === 'SLOT_FULL' || apiError.code === 'SLOT_IN_PAST') {
        setSlot(null)
        setReloadToken((n) => n + 1)
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='booking__reschedule'>
      <Text className='booking__hint'>{t('booking.rescheduleIntro')}</Text>
      {message ? (
        <Text className='booking__error' {...a11y({ role: 'alert' })}>
          {message}
        </Text>
      ) : null}
      <SlotPicker
        hallId={appointment.hallId}
        itemCode={appointment.itemCode}
        date={date}
        slotId={slot?.id ?? null}
        currentSlotId={appointment.slot.id}
        reloadToken={reloadToken}
        onDate={(next) => {
          setDate(next)
          setSlot(null)
        }}
        onSlot={setSlot}
      />
      <View className='booking__actions'>
        {slot ? (
          <ActionButton block onPress={() => void move()}>
            {busy ? t('booking.submitting') : t('booking.rescheduleTo', { time: appointmentWhen(slot, new Date(), lang) })}
          </ActionButton>
        ) : null}
        <ActionButton block primary={false} onPress={onDone}>
          {t('booking.keepTime')}
        </ActionButton>
      </View>
    </View>
  )
}

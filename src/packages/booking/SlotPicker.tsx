import { View, Text } from '@tarojs/components'
import type { Slot, SlotDay } from '@/domain/contract'
import { dayLabel, slotRange } from '@/domain/appointmentTime'
import { shanghaiTime } from '@/domain/clockTime'
import { fetchSlotDays, fetchSlots } from '@/api/appointments'
import { useLoaded } from './useLoaded'
import { optionLabel } from './optionLabel'
import Section from '@/components/Section'
import Pressable from '@/components/Pressable'
import ActionButton from '@/components/ActionButton'
import { ErrorState, LoadingRows } from '@/components/StatusViews'
import { a11y } from '@/platform/a11y'
import { useLanguage, useT } from '@/i18n/useT'
import '@/i18n/booking'

interface SlotPickerProps {
  hallId: string
  itemCode: string
  date: string | null
  slotId: string | null
  onDate(date: string): void
  onSlot(slot: Slot): void
  /** Offered for a full day; absent where a waitlist makes no sense (rescheduling). */
  onJoinWaitlist?(date: string): void
  /** Bumped to fetch days and slots again (after SLOT_FULL, a place may have gone elsewhere). */
  reloadToken?: number
  /** A place held for this person from the waitlist: choosable although it shows as taken. */
  heldSlotId?: string | null
  /** The appointment's current slot when rescheduling: not offered again. */
  currentSlotId?: string | null
}

/** Date (the hall's next 14 open days) and then time slot, each with the places left. */
export default function SlotPicker(props: SlotPickerProps) {
  const { hallId, itemCode, date, slotId, onDate, onSlot, onJoinWaitlist, reloadToken = 0, heldSlotId, currentSlotId } = props
  const t = useT()
  const lang = useLanguage()
  const today = shanghaiTime(new Date()).date
  const [days, retryDays] = useLoaded<SlotDay[]>(() => fetchSlotDays(hallId, itemCode), [hallId, itemCode, reloadToken])
  const [slots, retrySlots] = useLoaded<Slot[]>(date ? () => fetchSlots(hallId, date, itemCode) : null, [hallId, itemCode, date, reloadToken])
  const chosenDay = days.data?.find((day) => day.date === date)

  return (
    <View>
      <Section title={t('booking.chooseDate')}>
        {days.status === 'error' && !days.data ? <ErrorState error={days.error} onRetry={retryDays} /> : null}
        {!days.data && days.status !== 'error' ? <LoadingRows rows={2} label={t('booking.loadingDays')} /> : null}
        {days.data && days.data.length === 0 ? <Text className='booking__hint'>{t('booking.noDays')}</Text> : null}
        {days.data && days.data.length > 0 ? (
          <View className='booking__days' {...a11y({ role: 'list' })}>
            {days.data.map((day) => {
              const name = dayLabel(day.date, today, lang)
              const state = day.full ? t('booking.dayFull') : t('booking.placesLeft', { count: day.remaining })
              const selected = day.date === date
              return (
                <View key={day.date} {...a11y({ role: 'listitem' })}>
                  <Pressable
                    className={`booking__day${selected ? ' booking__day--on' : ''}${day.full ? ' booking__day--full' : ''}`}
                    label={optionLabel(t, selected, name, state)}
                    onPress={() => onDate(day.date)}
                  >
                    <Text className='booking__day-name'>{`${name} `}</Text>
                    <Text className='booking__day-state'>{state}</Text>
                  </Pressable>
                </View>
              )
            })}
          </View>
        ) : null}
      </Section>

      {date && chosenDay?.full && !heldSlotId ? (
        <View className='booking__panel' {...a11y({ role: 'status' })}>
          <Text className='booking__text'>{t('booking.dayFullExplain')}</Text>
          {onJoinWaitlist ? <ActionButton block onPress={() => onJoinWaitlist(date)}>{t('booking.joinWaitlist')}</ActionButton> : null}
        </View>
      ) : null}

      {date && (!chosenDay?.full || heldSlotId) ? (
        <Section title={t('booking.chooseTime')}>
          {slots.status === 'error' && !slots.data ? <ErrorState error={slots.error} onRetry={retrySlots} /> : null}
          {!slots.data && slots.status !== 'error' ? <LoadingRows rows={2} label={t('booking.loadingSlots')} /> : null}
          {slots.data ? (
            <View className='booking__slots' {...a11y({ role: 'list' })}>
              {slots.data
                .filter((slot) => slot.id !== currentSlotId)
                .map((slot) => {
                  const range = slotRange(slot.startsAt, slot.endsAt)
                  const held = slot.id === heldSlotId
                  const selected = slot.id === slotId
                  if (slot.remaining === 0 && !held) {
                    return (
                      <View key={slot.id} className='booking__slot booking__slot--full' {...a11y({ role: 'listitem', label: t('booking.option', { what: range, state: t('booking.slotFull') }) })}>
                        <Text className='booking__slot-time'>{range}</Text>
                        <Text className='booking__slot-state'>{t('booking.slotFull')}</Text>
                      </View>
                    )
                  }
                  const state = held ? t('booking.heldForYou') : t('booking.placesLeft', { count: slot.remaining })
                  return (
                    <View key={slot.id} {...a11y({ role: 'listitem' })}>
                      <Pressable
                        className={`booking__slot${selected ? ' booking__slot--on' : ''}`}
                        label={optionLabel(t, selected, range, state)}
                        onPress={() => onSlot(slot)}
                      >
                        <Text className='booking__slot-time'>{`${range} `}</Text>
                        <Text className='booking__slot-state'>{state}</Text>
                      </Pressable>
                    </View>
                  )
                })}
            </View>
          ) : null}
        </Section>
      ) : null}
    </View>
  )
}

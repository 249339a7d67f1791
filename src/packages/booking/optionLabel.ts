import type { MessageKey, MessageParams } from '@/i18n'
import '@/i18n/booking'

/** What a screen reader says for a choice (hall, day, slot): whether it is chosen, what it is, its state. */
export function optionLabel(t: (key: MessageKey, params?: MessageParams) => string, selected: boolean, what: string, state: string): string {
  return t(selected ? 'booking.optionSelected' : 'booking.option', { what, state })
}

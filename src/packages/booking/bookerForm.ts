import type { Profile } from '@/domain/contract'
import { checkIdNumber, normalizeMobile } from '@/domain/identity'
import type { MessageKey } from '@/i18n'
import '@/i18n/booking'

export interface BookerDraft {
  name: string
  phone: string
  idNumber: string
}

export interface Booker {
  name: string
  phone: string
  idNumber: string
}

export type BookerErrors = Partial<Record<keyof BookerDraft, string>>

/** The signed-in person's own details fill the form; they may book for someone else by changing them. */
export function bookerFromProfile(profile: Profile | undefined): BookerDraft {
  return { name: profile?.user.name ?? '', phone: profile?.phone ?? '', idNumber: profile?.idNumber ?? '' }
}

/** Checked on the phone with the same rules the server applies, so most mistakes never travel. */
export function checkBooker(draft: BookerDraft, today: string, t: (key: MessageKey) => string): { booker: Booker | null; errors: BookerErrors } {
  const errors: BookerErrors = {}
  const name = draft.name.trim()
  if (!name) errors.name = t('booking.nameMissing')
  const phone = normalizeMobile(draft.phone)
  if (!phone) errors.phone = t('booking.phoneInvalid')
  const id = checkIdNumber(draft.idNumber, today)
  if (!id.ok) errors.idNumber = draft.idNumber.trim() ? t(`id.${id.problem}` as MessageKey) : t('booking.idMissing')
  if (!name || !phone || !id.ok) return { booker: null, errors }
  return { booker: { name, phone, idNumber: id.idNumber }, errors }
}

/** Server field paths (body.phone) → the form's fields. */
export function fieldOf(path: string): keyof BookerDraft | null {
  const name = path.replace(/^body\./, '')
  return name === 'name' || name === 'phone' || name === 'idNumber' ? name : null
}

import type { ApplicantInput, Profile } from '@/domain/contract'
import { checkIdNumber, normalizeMobile } from '@/domain/identity'
import type { MessageKey } from '@/i18n'
import '@/i18n/apply'

export interface ApplicantDraft {
  name: string
  idNumber: string
  phone: string
  address: string
}

export const emptyApplicant: ApplicantDraft = { name: '', idNumber: '', phone: '', address: '' }

/** The signed-in person's own data fills the form; they can change it to apply for someone else. */
export function applicantFromProfile(profile: Profile | undefined): ApplicantDraft {
  return {
    name: profile?.user.name ?? '',
    idNumber: profile?.idNumber ?? '',
    phone: profile?.phone ?? '',
    address: profile?.address ?? '',
  }
}

/** What is wrong with each field, as a message key the form words in the current language. */
export type ApplicantErrors = Partial<Record<keyof ApplicantDraft, MessageKey>>

export function checkApplicant(draft: ApplicantDraft, today: string): { input: ApplicantInput | null; errors: ApplicantErrors } {
  const errors: ApplicantErrors = {}
  const name = draft.name.trim()
  if (!name) errors.name = 'apply.nameMissing'
  const id = checkIdNumber(draft.idNumber, today)
  if (!id.ok) errors.idNumber = `id.${id.problem}`
  const phone = normalizeMobile(draft.phone)
  if (!phone) errors.phone = 'apply.phoneInvalid'
  if (Object.keys(errors).length > 0 || !id.ok || !phone) return { input: null, errors }
  const address = draft.address.trim()
  return { input: { name, idNumber: id.idNumber, phone, ...(address ? { address } : {}) }, errors }
}

import type { ApplicantInput, Profile } from '@/domain/contract'
import { checkIdNumber, idNumberProblemText, normalizeMobile } from '@/domain/identity'

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

export type ApplicantErrors = Partial<Record<keyof ApplicantDraft, string>>

export function checkApplicant(draft: ApplicantDraft, today: string): { input: ApplicantInput | null; errors: ApplicantErrors } {
  const errors: ApplicantErrors = {}
  const name = draft.name.trim()
  if (!name) errors.name = '请填写申请人姓名'
  const id = checkIdNumber(draft.idNumber, today)
  if (!id.ok) errors.idNumber = idNumberProblemText[id.problem]
  const phone = normalizeMobile(draft.phone)
  if (!phone) errors.phone = '请输入 11 位手机号'
  if (Object.keys(errors).length > 0 || !id.ok || !phone) return { input: null, errors }
  const address = draft.address.trim()
  return { input: { name, idNumber: id.idNumber, phone, ...(address ? { address } : {}) }, errors }
}

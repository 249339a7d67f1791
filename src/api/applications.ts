import type {
  Application,
  ApplicationProgress,
  ApplicationSubmitBody,
  ApplicationSummary,
  EvaluationBody,
  EvaluationCreated,
  StaffApplication,
  StaffEventBody,
  Upload,
} from '@/domain/contract'
import { sendPhoto, type LocalPhoto } from '@/platform/photos'
import { apiUrl, currentAccessToken, http } from './http'
import { ApiError } from './apiError'
import { errorMessage, isErrorCode } from '@/domain/errors'
import { currentLanguage } from '@/i18n'

export async function lookupProgress(no: string, phoneLast4: string, signal?: AbortSignal): Promise<ApplicationProgress> {
  return (await http.get<ApplicationProgress>('/applications/lookup', { params: { no, phoneLast4 }, signal })).data
}

export async function fetchMyApplications(signal?: AbortSignal): Promise<ApplicationSummary[]> {
  return (await http.get<ApplicationSummary[]>('/applications', { signal })).data
}

export async function fetchApplication(no: string, signal?: AbortSignal): Promise<Application> {
  return (await http.get<Application>(`/applications/${encodeURIComponent(no)}`, { signal })).data
}

/** `idempotencyKey`: one per press of 提交, reused on every retry of that press. */
export async function submitApplication(body: ApplicationSubmitBody, idempotencyKey: string): Promise<Application> {
  return (await http.post<Application>('/applications', body, { headers: { 'Idempotency-Key': idempotencyKey } })).data
}

export async function evaluateApplication(no: string, rating: Omit<EvaluationBody, 'target'>): Promise<EvaluationCreated> {
  return (await http.post<EvaluationCreated>('/evaluations', { ...rating, target: { type: 'application', id: no } })).data
}

/** Sends one compressed photo; `onProgress` gets 0–1 while it goes. */
export async function uploadMaterial(photo: LocalPhoto, onProgress: (fraction: number) => void): Promise<Upload> {
  const token = currentAccessToken()
  const headers: Record<string, string> = { 'Accept-Language': currentLanguage() === 'en' ? 'en' : 'zh-CN', ...(token ? { Authorization: `Bearer ${token}` } : {}) }
  const answer = await sendPhoto(apiUrl('/uploads'), headers, photo, onProgress)
  if (answer.status === 201) return answer.body as Upload
  const error = (answer.body as { error?: { code?: string; message?: string } } | null)?.error
  if (answer.status === 0) throw new ApiError('NETWORK_ERROR', errorMessage('NETWORK_ERROR', currentLanguage()), null)
  const code = error?.code ?? (answer.status === 413 ? 'UPLOAD_TOO_LARGE' : 'INTERNAL_ERROR')
  throw new ApiError(code, error?.message ?? errorMessage(isErrorCode(code) ? code : 'INTERNAL_ERROR', currentLanguage()), answer.status)
}

export function uploadUrl(id: string): string {
  return apiUrl(`/uploads/${encodeURIComponent(id)}`)
}

export async function fetchStaffApplication(no: string, signal?: AbortSignal): Promise<StaffApplication> {
  return (await http.get<StaffApplication>(`/staff/applications/${encodeURIComponent(no)}`, { signal })).data
}

export async function recordStaffEvent(no: string, body: StaffEventBody): Promise<StaffApplication> {
  return (await http.post<StaffApplication>(`/staff/applications/${encodeURIComponent(no)}/events`, body)).data
}

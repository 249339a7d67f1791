import type { ResidentApplicant, ResidentDetail, ResidentList, VisitBody, VisitResult } from '@/domain/contract'
import { http } from './http'

export async function fetchResidents(eligibleOnly: boolean, signal?: AbortSignal): Promise<ResidentList> {
  return (await http.get<ResidentList>('/grid/residents', { params: { eligible: eligibleOnly ? '1' : '0', limit: 500 }, signal })).data
}

export async function fetchResident(id: string, signal?: AbortSignal): Promise<ResidentDetail> {
  return (await http.get<ResidentDetail>(`/grid/residents/${encodeURIComponent(id)}`, { signal })).data
}

/** The register's data in full for the form at the door (the server audits this read). */
export async function fetchResidentApplicant(id: string): Promise<ResidentApplicant> {
  return (await http.get<ResidentApplicant>(`/grid/residents/${encodeURIComponent(id)}/applicant`)).data
}

export async function recordVisit(body: VisitBody): Promise<VisitResult> {
  return (await http.post<VisitResult>('/grid/visits', body)).data
}

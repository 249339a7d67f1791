import type { Hall, HallDetail, QueueSnapshot, StaffQueue, Ticket } from '@/domain/contract'
import { http } from './http'

export interface HallQuery {
  lat?: number
  lng?: number
  /** Only halls that handle this item (from a guide's "在哪里办"). */
  item?: string
}

export async function fetchHalls(query: HallQuery = {}, signal?: AbortSignal): Promise<Hall[]> {
  const params = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== ''))
  return (await http.get<Hall[]>('/halls', { params, signal })).data
}

export async function fetchHall(id: string, signal?: AbortSignal): Promise<HallDetail> {
  return (await http.get<HallDetail>(`/halls/${encodeURIComponent(id)}`, { signal })).data
}

export type SnapshotAnswer = { changed: true; snapshot: QueueSnapshot; etag: string | null } | { changed: false }

/**
 * The hall's queue now. With the ETag of the snapshot already held, an unchanged queue costs the server and the
 * phone a 304 with no body, which is what makes polling every few seconds affordable as the live feed's fallback.
 */
export async function fetchQueueSnapshot(hallId: string, etag?: string | null, signal?: AbortSignal): Promise<SnapshotAnswer> {
  const response = await http.get<QueueSnapshot>(`/halls/${encodeURIComponent(hallId)}/queue`, {
    headers: etag ? { 'If-None-Match': etag } : {},
    validateStatus: (status) => (status >= 200 && status < 300) || status === 304,
    signal,
  })
  if (response.status === 304) return { changed: false }
  const header = response.headers.etag ?? response.headers.ETag
  return { changed: true, snapshot: response.data, etag: typeof header === 'string' ? header : null }
}

/** `idempotencyKey`: one per press of 取号, reused if that press is retried, so a lost answer cannot issue two. */
export async function takeTicket(hallId: string, categoryId: string, idempotencyKey: string, itemCode?: string): Promise<Ticket> {
  const body = itemCode ? { categoryId, itemCode } : { categoryId }
  return (
    await http.post<Ticket>(`/halls/${encodeURIComponent(hallId)}/tickets`, body, { headers: { 'Idempotency-Key': idempotencyKey } })
  ).data
}

/** The signed-in person's numbers still in play today, wherever they were taken. */
export async function fetchMyTickets(signal?: AbortSignal): Promise<Ticket[]> {
  return (await http.get<Ticket[]>('/me/tickets', { signal })).data
}

export async function fetchTicket(id: string, signal?: AbortSignal): Promise<Ticket> {
  return (await http.get<Ticket>(`/tickets/${encodeURIComponent(id)}`, { signal })).data
}

export async function cancelTicket(id: string): Promise<Ticket> {
  return (await http.post<Ticket>(`/tickets/${encodeURIComponent(id)}/cancel`)).data
}

// Window staff (窗口人员).

/** The whole hall's queue as a window sees it: the snapshot, every window's current ticket, who waits in order. */
export async function fetchStaffQueue(hallId: string, signal?: AbortSignal): Promise<StaffQueue> {
  return (await http.get<StaffQueue>(`/staff/halls/${encodeURIComponent(hallId)}/queue`, { signal })).data
}

/** Calls the next ticket for this window among the categories it serves (all when none are given). */
export async function callNext(hallId: string, windowNo: number, categoryIds?: string[]): Promise<Ticket> {
  const body = categoryIds && categoryIds.length > 0 ? { categoryIds } : {}
  return (await http.post<Ticket>(`/staff/halls/${encodeURIComponent(hallId)}/windows/${windowNo}/call-next`, body)).data
}

export type StaffTicketAction = 'recall' | 'skip' | 'complete'

/** Closes the window (break, end of shift); calling the next number opens it again. */
export async function closeWindow(hallId: string, windowNo: number): Promise<StaffQueue> {
  return (await http.post<StaffQueue>(`/staff/halls/${encodeURIComponent(hallId)}/windows/${windowNo}/close`)).data
}

export async function actOnTicket(id: string, action: StaffTicketAction): Promise<Ticket> {
  return (await http.post<Ticket>(`/staff/tickets/${encodeURIComponent(id)}/${action}`)).data
}

export async function transferTicket(id: string, categoryId: string): Promise<Ticket> {
  return (await http.post<Ticket>(`/staff/tickets/${encodeURIComponent(id)}/transfer`, { categoryId })).data
}

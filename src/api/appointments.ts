import type {
  Appointment,
  AppointmentCreateBody,
  CheckInBody,
  CheckInResult,
  Hall,
  HallDetail,
  Slot,
  SlotDay,
  WaitlistEntry,
  WaitlistJoinBody,
} from '@/domain/contract'
import { http } from './http'

const one = (id: string) => `/appointments/${encodeURIComponent(id)}`

/** The halls that handle an item (only those can be booked for it). */
export async function fetchHallsForItem(itemCode: string, signal?: AbortSignal): Promise<Hall[]> {
  return (await http.get<Hall[]>('/halls', { params: { item: itemCode }, signal })).data
}

/** The next 14 days the hall is open, with what is left on each. */
export async function fetchSlotDays(hallId: string, itemCode: string, signal?: AbortSignal): Promise<SlotDay[]> {
  return (await http.get<SlotDay[]>(`/halls/${encodeURIComponent(hallId)}/slot-days`, { params: { item: itemCode }, signal })).data
}

export async function fetchSlots(hallId: string, date: string, itemCode: string, signal?: AbortSignal): Promise<Slot[]> {
  return (await http.get<Slot[]>(`/halls/${encodeURIComponent(hallId)}/slots`, { params: { date, item: itemCode }, signal })).data
}

/** `idempotencyKey`: one per booking attempt (one press of 确认预约), the same on every retry of it. */
export async function bookAppointment(body: AppointmentCreateBody, idempotencyKey: string): Promise<Appointment> {
  return (await http.post<Appointment>('/appointments', body, { headers: { 'Idempotency-Key': idempotencyKey } })).data
}

export async function fetchMyAppointments(signal?: AbortSignal): Promise<Appointment[]> {
  return (await http.get<Appointment[]>('/appointments', { signal })).data
}

export async function fetchAppointment(id: string, signal?: AbortSignal): Promise<Appointment> {
  return (await http.get<Appointment>(one(id), { signal })).data
}

export async function cancelAppointment(id: string): Promise<Appointment> {
  return (await http.post<Appointment>(`${one(id)}/cancel`, {})).data
}

/** Moves to another slot; the server keeps the old place unless the new one is taken. */
export async function rescheduleAppointment(id: string, slotId: string): Promise<Appointment> {
  return (await http.post<Appointment>(`${one(id)}/reschedule`, { slotId })).data
}

export async function declareRunningLate(id: string): Promise<Appointment> {
  return (await http.post<Appointment>(`${one(id)}/running-late`, {})).data
}

export async function checkIn(id: string, body: CheckInBody): Promise<CheckInResult> {
  return (await http.post<CheckInResult>(`${one(id)}/check-in`, body)).data
}

export async function joinWaitlist(body: WaitlistJoinBody): Promise<WaitlistEntry> {
  return (await http.post<WaitlistEntry>('/appointments/waitlist', body)).data
}

export async function fetchMyWaitlist(signal?: AbortSignal): Promise<WaitlistEntry[]> {
  return (await http.get<WaitlistEntry[]>('/appointments/waitlist', { signal })).data
}

export async function leaveWaitlist(id: string): Promise<WaitlistEntry> {
  return (await http.post<WaitlistEntry>(`/appointments/waitlist/${encodeURIComponent(id)}/leave`, {})).data
}

/** One hall with its position, for navigation to an appointment's hall. */
export async function fetchHall(id: string, signal?: AbortSignal): Promise<HallDetail> {
  return (await http.get<HallDetail>(`/halls/${encodeURIComponent(id)}`, { signal })).data
}

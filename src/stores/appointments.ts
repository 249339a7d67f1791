import { create } from 'zustand'
import type { Appointment, WaitlistEntry } from '@/domain/contract'
import { fetchAppointment, fetchMyAppointments, fetchMyWaitlist } from '@/api/appointments'
import { fetchInto, idle, ready, type Resource } from './resource'

interface AppointmentsState {
  mine: Resource<Appointment[]>
  waitlist: Resource<WaitlistEntry[]>
  details: Record<string, Resource<Appointment>>
  /** The appointment this session has just booked: its page opens as the confirmation. */
  justBooked: string | null
  loadMine(options?: { refresh?: boolean }): Promise<void>
  loadWaitlist(options?: { refresh?: boolean }): Promise<void>
  loadDetail(id: string, options?: { refresh?: boolean }): Promise<void>
  /** An appointment the server just answered with (booked, cancelled, moved, checked in): shown at once. */
  remember(appointment: Appointment): void
  booked(appointment: Appointment): void
  reset(): void
}

/** 我的预约, the waitlist and the appointments opened from them; kept per session. */
export const useAppointmentsStore = create<AppointmentsState>()((set, get) => ({
  mine: idle,
  waitlist: idle,
  details: {},
  justBooked: null,
  loadMine: ({ refresh = false } = {}) => fetchInto(get().mine, (mine) => set({ mine }), () => fetchMyAppointments(), refresh),
  loadWaitlist: ({ refresh = false } = {}) => fetchInto(get().waitlist, (waitlist) => set({ waitlist }), () => fetchMyWaitlist(), refresh),
  loadDetail: (id, { refresh = false } = {}) =>
    fetchInto(
      get().details[id] ?? idle,
      (next) => set((state) => ({ details: { ...state.details, [id]: next } })),
      () => fetchAppointment(id),
      refresh,
    ),
  remember(appointment) {
    set((state) => {
      const list = state.mine.data
      const mine = list
        ? ready(list.some((a) => a.id === appointment.id) ? list.map((a) => (a.id === appointment.id ? appointment : a)) : [appointment, ...list])
        : state.mine
      return { details: { ...state.details, [appointment.id]: ready(appointment) }, mine }
    })
  },
  booked(appointment) {
    get().remember(appointment)
    set({ justBooked: appointment.id })
  },
  reset: () => set({ mine: idle, waitlist: idle, details: {}, justBooked: null }),
}))

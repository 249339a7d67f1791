import type { bookingZh } from './booking.zh'

export const bookingEn: Record<keyof typeof bookingZh, string> = {
}

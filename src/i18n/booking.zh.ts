// Sentences of the booking pages, in Simplified Chinese; merged into zh.ts. Same keys in booking.en.ts.
export const bookingZh = {
} as const

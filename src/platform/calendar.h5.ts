import { calendarFile, type CalendarEvent } from '@/domain/calendarFile'

export type CalendarOutcome = 'added' | 'downloaded' | 'failed'

/** H5: an .ics file; phones open it in their calendar app, desktops save it. */
export async function addToCalendar(event: CalendarEvent): Promise<CalendarOutcome> {
  try {
    const blob = new Blob([calendarFile(event)], { type: 'text/calendar;charset=utf-8' })
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = 'banshi-appointment.ics'
    link.rel = 'noopener'
    document.body.appendChild(link)
    link.click()
    link.remove()
    // Give the browser time to start the download before the address is let go.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return 'downloaded'
  } catch {
    return 'failed'
  }
}

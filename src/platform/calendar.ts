import Taro from '@tarojs/taro'
import type { CalendarEvent } from '@/domain/calendarFile'

export type CalendarOutcome = 'added' | 'downloaded' | 'failed'

/** Mini-program: WeChat adds it to the phone's own calendar after asking the person. */
export async function addToCalendar(event: CalendarEvent): Promise<CalendarOutcome> {
  try {
    await Taro.addPhoneCalendar({
      title: event.title,
      startTime: Math.floor(Date.parse(event.startsAt) / 1000),
      // WeChat wants seconds as a number; Taro's typing says string by mistake.
      endTime: Math.floor(Date.parse(event.endsAt) / 1000) as unknown as string,
      location: event.location,
      description: event.description,
      alarm: true,
      // An hour ahead: time to get to the hall.
      alarmOffset: 3600,
    })
    return 'added'
  } catch {
    return 'failed'
  }
}

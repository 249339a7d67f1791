// When a non-urgent reminder may go out: nobody should be woken at 23:00 because a decision was recorded late.
import { shanghaiMidnight, shanghaiTime } from './clockTime'
import { QUIET_HOURS } from './notices'

const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS

/**
 * The moment a non-urgent message due at `due` may be sent: `due` itself outside quiet hours, else the 08:00
 * (Asia/Shanghai) that ends them — the same morning after midnight, the next morning before it.
 */
export function afterQuietHours(due: Date): Date {
  const minutes = shanghaiTime(due).minutes
  const start = QUIET_HOURS.startHour * 60
  const end = QUIET_HOURS.endHour * 60
  if (minutes >= end && minutes < start) return due
  const morning = new Date(shanghaiMidnight(due).getTime() + QUIET_HOURS.endHour * HOUR_MS)
  return minutes >= start ? new Date(morning.getTime() + DAY_MS) : morning
}

/** The end of the Asia/Shanghai day containing `at` (the next local midnight). */
export function endOfShanghaiDay(at: Date): Date {
  return new Date(shanghaiMidnight(at).getTime() + DAY_MS)
}

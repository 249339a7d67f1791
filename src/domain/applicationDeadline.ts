import { addWorkingDays, workingDaysBetween, officialCalendar, type HolidayCalendar } from './holidays'

/**
 * The promised time limit runs in working days from the day of acceptance (受理), that day not counted: weekends and
 * public holidays are skipped, 调休 weekend days count. A 即办件 (0 days) is due the day it is accepted.
 */
export function promisedDueDate(acceptedOn: string, promisedDays: number, calendar: HolidayCalendar = officialCalendar): string {
  return addWorkingDays(acceptedOn, promisedDays, calendar)
}

export interface DeadlineStatus {
  /** null until the application is accepted: the clock has not started. */
  dueDate: string | null
  /** Working days left after today up to the due date (0 on the due day); null when not running or overdue. */
  daysLeft: number | null
  /** Working days past the due date; 0 when not overdue. */
  daysOverdue: number
  overdue: boolean
}

/**
 * Where an application stands against its promise on `today`. Once finished, it is judged on the day it finished,
 * so a case completed late stays marked late and one completed in time never becomes overdue.
 */
export function deadlineStatus(
  input: { acceptedOn: string | null; promisedDays: number; finishedOn: string | null; today: string },
  calendar: HolidayCalendar = officialCalendar,
): DeadlineStatus {
  if (input.acceptedOn === null) return { dueDate: null, daysLeft: null, daysOverdue: 0, overdue: false }
  const dueDate = promisedDueDate(input.acceptedOn, input.promisedDays, calendar)
  const asOf = input.finishedOn ?? input.today
  if (asOf <= dueDate) {
    return { dueDate, daysLeft: input.finishedOn ? null : workingDaysBetween(asOf, dueDate, calendar), daysOverdue: 0, overdue: false }
  }
  // Late by calendar day, even when the days in between were all holidays: count at least one.
  const daysOverdue = Math.max(1, workingDaysBetween(dueDate, asOf, calendar))
  return { dueDate, daysLeft: null, daysOverdue, overdue: true }
}

// Which benefits a resident on a grid worker's register qualifies for but does not yet have (主动筛选), as data plus
// pure functions, so the rules can be read, changed and tested without a database. Dates are calendar days in
// China (YYYY-MM-DD); ages are full years (周岁).

export type ResidentTag =
  /** Holds a 残疾人证. */
  | 'disability_certificate'
  /** Disability graded 一级 or 二级: qualifies for the care subsidy (重度残疾人护理补贴). */
  | 'severe_disability'
  /** Household on 低保 or in 特困 support: qualifies for the living subsidy (困难残疾人生活补贴). */
  | 'low_income'
  /** Insured in the 城乡居民基本养老保险 scheme: draws the pension from 60. */
  | 'resident_pension_insured'

export const RESIDENT_TAGS: readonly ResidentTag[] = [
  'disability_certificate',
  'severe_disability',
  'low_income',
  'resident_pension_insured',
]

export interface EligibilityRule {
  itemCode: string
  /** Reached on the birthday of this age; the resident shows up `leadDays` before it so the visit can be planned. */
  minAge?: number
  /** Every one of these is needed. */
  tagsAll?: ResidentTag[]
  /** At least one of these is needed (when given). */
  tagsAny?: ResidentTag[]
  leadDays: number
}

export const ELIGIBILITY_RULES: readonly EligibilityRule[] = [
  // 老年人优待证: from 60.
  { itemCode: '020200020000', minAge: 60, leadDays: 30 },
  // 城乡居民基本养老保险待遇申领: insured residents draw from the month they turn 60; applying late loses nothing
  // legally but delays the first payment, so it comes up as early as the card.
  { itemCode: '030200020000', minAge: 60, tagsAll: ['resident_pension_insured'], leadDays: 30 },
  // 高龄老人津贴: from 80.
  { itemCode: '020200010000', minAge: 80, leadDays: 30 },
  // 困难残疾人生活补贴和重度残疾人护理补贴 (残疾人两项补贴).
  { itemCode: '110200010000', tagsAll: ['disability_certificate'], tagsAny: ['severe_disability', 'low_income'], leadDays: 0 },
]

export interface ResidentFacts {
  birthDate: string
  tags: readonly string[]
  /** Items the resident already has or has applied for (an application not rejected). */
  coveredItems: readonly string[]
}

export type EligibilityReason =
  | { kind: 'age'; age: number; on: string; reached: boolean }
  | { kind: 'tags'; tags: ResidentTag[] }

export interface Eligibility {
  itemCode: string
  reason: EligibilityReason
  /** The day the resident qualifies (the birthday) or, for a record-based rule, the day the list was computed. */
  from: string
  /** Days until `from`; 0 or below once eligible (how long they have waited, negated). */
  daysUntil: number
}

function parts(date: string): [number, number, number] {
  const [year, month, day] = date.split('-').map(Number)
  return [year, month, day]
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0')

/**
 * The day someone born on `birthDate` turns `age`. Someone born on 29 February turns a year older on 1 March in a
 * common year: the day after 28 February, as full years (周岁) are counted from the day after the birthday.
 */
export function dayTurning(birthDate: string, age: number): string {
  const [year, month, day] = parts(birthDate)
  const target = year + age
  if (month === 2 && day === 29 && !isLeapYear(target)) return `${pad(target, 4)}-03-01`
  return `${pad(target, 4)}-${pad(month)}-${pad(day)}`
}

/** Full years on `date`. */
export function ageOn(birthDate: string, date: string): number {
  const [birthYear] = parts(birthDate)
  const [year] = parts(date)
  const age = year - birthYear
  return date >= dayTurning(birthDate, age) ? age : age - 1
}

function dayNumber(date: string): number {
  const [year, month, day] = parts(date)
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000)
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}

function tagsMatch(rule: EligibilityRule, tags: readonly string[]): boolean {
  if (rule.tagsAll && !rule.tagsAll.every((tag) => tags.includes(tag))) return false
  if (rule.tagsAny && rule.tagsAny.length > 0 && !rule.tagsAny.some((tag) => tags.includes(tag))) return false
  return true
}

/** One rule against one resident on `today`: null when it does not apply (yet, or any more). */
export function checkRule(rule: EligibilityRule, resident: ResidentFacts, today: string): Eligibility | null {
  if (resident.coveredItems.includes(rule.itemCode)) return null
  if (!tagsMatch(rule, resident.tags)) return null
  const tagsUsed = [...(rule.tagsAll ?? []), ...(rule.tagsAny ?? []).filter((tag) => resident.tags.includes(tag))]
  if (rule.minAge === undefined) {
    return { itemCode: rule.itemCode, reason: { kind: 'tags', tags: tagsUsed }, from: today, daysUntil: 0 }
  }
  const on = dayTurning(resident.birthDate, rule.minAge)
  const daysUntil = daysBetween(today, on)
  if (daysUntil > rule.leadDays) return null
  return { itemCode: rule.itemCode, reason: { kind: 'age', age: rule.minAge, on, reached: daysUntil <= 0 }, from: on, daysUntil }
}

/**
 * Everything a resident qualifies for and does not have, most urgent first: those already eligible, longest
 * waiting first (every month unclaimed is a month of allowance missed), then those about to be, soonest first.
 */
export function eligibleItems(
  resident: ResidentFacts,
  today: string,
  rules: readonly EligibilityRule[] = ELIGIBILITY_RULES,
): Eligibility[] {
  return rules
    .map((rule) => checkRule(rule, resident, today))
    .filter((found): found is Eligibility => found !== null)
    .sort((a, b) => a.daysUntil - b.daysUntil)
}

/** Whether `itemCode` is one the rules know and the resident qualifies for: otherwise the worker is warned. */
export function isEligibleFor(
  resident: ResidentFacts,
  itemCode: string,
  today: string,
  rules: readonly EligibilityRule[] = ELIGIBILITY_RULES,
): boolean {
  return eligibleItems(resident, today, rules).some((found) => found.itemCode === itemCode && found.daysUntil <= 0)
}

export const VISIT_OUTCOMES = ['applied', 'not_home', 'declined', 'follow_up'] as const
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number]

/** How long a visit takes the resident off the list: a refusal is respected for a season, not forever. */
const SNOOZE_DAYS: Record<VisitOutcome, number | null> = {
  applied: null,
  not_home: 2,
  follow_up: 7,
  declined: 90,
}

/** The first day the resident comes back on the list after a visit; null when the application itself covers it. */
export function snoozedUntil(outcome: VisitOutcome, visitDate: string): string | null {
  const days = SNOOZE_DAYS[outcome]
  if (days === null) return null
  const [year, month, day] = parts(visitDate)
  const next = new Date(Date.UTC(year, month - 1, day + days))
  return `${pad(next.getUTCFullYear(), 4)}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`
}

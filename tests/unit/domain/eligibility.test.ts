import {
  ELIGIBILITY_RULES,
  ageOn,
  dayTurning,
  eligibleItems,
  isEligibleFor,
  snoozedUntil,
  type ResidentFacts,
} from '@/domain/eligibility'

const CARD = '020200020000'
const ALLOWANCE = '020200010000'
const DISABILITY = '110200010000'
const PENSION = '030200020000'

const resident = (birthDate: string, extra: Partial<ResidentFacts> = {}): ResidentFacts => ({
  birthDate,
  tags: [],
  coveredItems: [],
  ...extra,
})

describe('ages in full years', () => {
  it('turns a year older on the birthday itself', () => {
    expect(ageOn('1946-03-12', '2026-03-11')).toBe(79)
    expect(ageOn('1946-03-12', '2026-03-12')).toBe(80)
    expect(ageOn('1946-12-31', '2026-12-31')).toBe(80)
    expect(ageOn('1946-12-31', '2026-12-30')).toBe(79)
  })

  it('counts a 29 February birthday from 1 March in a common year, and on the day in a leap year', () => {
    expect(dayTurning('1964-02-29', 60)).toBe('2024-02-29')
    expect(dayTurning('1948-02-29', 80)).toBe('2028-02-29')
    expect(dayTurning('1964-02-29', 62)).toBe('2026-03-01')
    expect(ageOn('1964-02-29', '2026-02-28')).toBe(61)
    expect(ageOn('1964-02-29', '2026-03-01')).toBe(62)
  })
})

describe('who is on the list', () => {
  it('puts someone on the list 30 days before turning 80, not 31, with the day as the reason', () => {
    const today = '2026-02-10'
    const hasCard = { coveredItems: [CARD] }
    expect(eligibleItems(resident('1946-03-12', hasCard), today).map((found) => found.itemCode)).toEqual([ALLOWANCE])
    const [found] = eligibleItems(resident('1946-03-12', hasCard), today)
    expect(found.reason).toEqual({ kind: 'age', age: 80, on: '2026-03-12', reached: false })
    expect(found.daysUntil).toBe(30)
    expect(eligibleItems(resident('1946-03-13', hasCard), today)).toEqual([])
  })

  it('keeps an eligible resident on the list until the item is covered', () => {
    expect(eligibleItems(resident('1960-01-01'), '2026-11-25').map((found) => found.itemCode)).toEqual([CARD])
    expect(eligibleItems(resident('1960-01-01', { coveredItems: [CARD] }), '2026-11-25')).toEqual([])
  })

  it('lists everything someone turning 80 lacks, longest waiting first', () => {
    const found = eligibleItems(resident('1946-11-01', { tags: ['resident_pension_insured'] }), '2026-11-25')
    expect(found.map((item) => item.itemCode)).toEqual([CARD, PENSION, ALLOWANCE])
    expect(found[0].daysUntil).toBeLessThan(found[2].daysUntil)
  })

  it('needs a disability certificate plus either severe disability or low income for the two subsidies', () => {
    const today = '2026-11-25'
    expect(eligibleItems(resident('1990-05-05', { tags: ['disability_certificate'] }), today)).toEqual([])
    expect(eligibleItems(resident('1990-05-05', { tags: ['severe_disability'] }), today)).toEqual([])
    const found = eligibleItems(resident('1990-05-05', { tags: ['disability_certificate', 'low_income'] }), today)
    expect(found).toEqual([
      { itemCode: DISABILITY, reason: { kind: 'tags', tags: ['disability_certificate', 'low_income'] }, from: today, daysUntil: 0 },
    ])
  })

  it('does not offer the pension to someone outside the resident scheme', () => {
    expect(isEligibleFor(resident('1960-01-01'), PENSION, '2026-11-25')).toBe(false)
    expect(isEligibleFor(resident('1960-01-01', { tags: ['resident_pension_insured'] }), PENSION, '2026-11-25')).toBe(true)
  })

  it('is not yet eligible during the lead time, so applying then gets a warning', () => {
    expect(isEligibleFor(resident('1946-12-01'), ALLOWANCE, '2026-11-25')).toBe(false)
    expect(eligibleItems(resident('1946-12-01'), '2026-11-25').map((found) => found.itemCode)).toEqual([CARD, ALLOWANCE])
    expect(isEligibleFor(resident('1946-12-01'), ALLOWANCE, '2026-12-01')).toBe(true)
  })

  it('has rules only for items with a code of 12 digits and a lead time that is not negative', () => {
    for (const rule of ELIGIBILITY_RULES) {
      expect(rule.itemCode).toMatch(/^\d{12}$/)
      expect(rule.leadDays).toBeGreaterThanOrEqual(0)
    }
  })
})

describe('visits', () => {
  it('snoozes by outcome and drops the resident when the application was made', () => {
    expect(snoozedUntil('not_home', '2026-11-30')).toBe('2026-12-02')
    expect(snoozedUntil('follow_up', '2026-12-28')).toBe('2027-01-04')
    expect(snoozedUntil('declined', '2026-11-25')).toBe('2027-02-23')
    expect(snoozedUntil('applied', '2026-11-25')).toBeNull()
  })
})

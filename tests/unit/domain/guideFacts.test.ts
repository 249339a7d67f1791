import { feeLabel, materialFormLabel, promiseLabel, timeLimitLabel, tripsLabel, whereToApplyNote } from '@/domain/guideFacts'
import { say } from '../../support/phrase'

describe('guide facts in plain words', () => {
  it('says when something is free, and shows a fee as published otherwise', () => {
    expect(say(feeLabel(0))).toBe('不收费')
    expect(say(feeLabel('免费'))).toBe('不收费')
    expect(say(feeLabel('免费'), 'en')).toBe('Free')
    expect(say(feeLabel(120))).toBe('120元')
    expect(say(feeLabel(120), 'en')).toBe('120 yuan')
    expect(say(feeLabel('工本费20元'), 'en')).toBe('工本费20元')
  })

  it('counts trips the way halls promise them (最多跑一次), for cards and guides alike', () => {
    expect(say(tripsLabel(0))).toBe('不用跑(零跑动)')
    expect(say(tripsLabel(1))).toBe('最多跑一次')
    expect(say(tripsLabel(2))).toBe('需到现场2次')
    expect(say(tripsLabel(1), 'en')).toBe('At most one visit')
  })

  it('puts the promised limit next to the legal one, in working days', () => {
    const limits = timeLimitLabel({ kind: '承诺件', legalDays: 60, promisedDays: 20 })
    expect([say(limits.legal), say(limits.promised)]).toEqual(['60个工作日', '20个工作日'])
    expect(say(limits.promised, 'en')).toBe('20 working days')
    const instant = timeLimitLabel({ kind: '即办件', legalDays: 0, promisedDays: 0 })
    expect([say(instant.legal), say(instant.promised)]).toEqual(['即时办结', '当场办结'])
    expect(say(timeLimitLabel({ kind: '即办件', legalDays: 5, promisedDays: 0 }).promised)).toBe('当场办结')
    expect(say(promiseLabel({ kind: '承诺件', promisedDays: 20 }))).toBe('承诺20个工作日')
    expect(say(promiseLabel({ kind: '即办件', promisedDays: 0 }))).toBe('当场办结')
  })

  it('labels material forms and copies', () => {
    expect(say(materialFormLabel({ form: '原件', copies: 1 }))).toBe('原件')
    expect(say(materialFormLabel({ form: '复印件', copies: 2 }))).toBe('复印件 2份')
    expect(say(materialFormLabel({ form: '复印件', copies: 2 }), 'en')).toBe('Photocopy ×2')
    expect(say(materialFormLabel({ form: '电子材料', copies: 3 }))).toBe('电子材料')
  })

  it('explains where to apply: any hall for 全区通办, own area otherwise', () => {
    expect(say(whereToApplyNote({ anywhere: true, levels: ['district', 'street'] }))).toMatch(/全区通办/)
    expect(say(whereToApplyNote({ anywhere: false, levels: ['district'] }))).toBe('请到区级大厅办理')
    expect(say(whereToApplyNote({ anywhere: false, levels: ['street', 'community'] }))).toMatch(/户籍或居住地/)
  })
})

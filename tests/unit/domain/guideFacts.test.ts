import { feeLabel, levelsLabel, materialFormLabel, timeLimitLabel, tripsLabel, whereToApplyNote } from '@/domain/guideFacts'

describe('guide facts in plain words', () => {
  it('says when something is free, and shows a fee as published otherwise', () => {
    expect(feeLabel(0)).toBe('不收费')
    expect(feeLabel('免费')).toBe('不收费')
    expect(feeLabel(120)).toBe('120元')
    expect(feeLabel('工本费20元')).toBe('工本费20元')
  })

  it('counts trips the way halls promise them (最多跑一次)', () => {
    expect(tripsLabel(0)).toBe('不用跑(零跑动)')
    expect(tripsLabel(1)).toBe('最多跑一次')
    expect(tripsLabel(2)).toBe('需到现场2次')
  })

  it('puts the promised limit next to the legal one, in working days', () => {
    expect(timeLimitLabel({ kind: '承诺件', legalDays: 60, promisedDays: 20 })).toEqual({ legal: '60个工作日', promised: '20个工作日' })
    expect(timeLimitLabel({ kind: '即办件', legalDays: 0, promisedDays: 0 })).toEqual({ legal: '即时办结', promised: '当场办结' })
    expect(timeLimitLabel({ kind: '即办件', legalDays: 5, promisedDays: 0 }).promised).toBe('当场办结')
  })

  it('labels material forms and copies', () => {
    expect(materialFormLabel({ form: '原件', copies: 1 })).toBe('原件')
    expect(materialFormLabel({ form: '复印件', copies: 2 })).toBe('复印件 2份')
    expect(materialFormLabel({ form: '电子材料', copies: 1 })).toBe('电子材料')
  })

  it('explains where to apply: any hall for 全区通办, own area otherwise', () => {
    expect(whereToApplyNote({ anywhere: true, levels: ['district', 'street'] })).toMatch(/全区通办/)
    expect(whereToApplyNote({ anywhere: false, levels: ['district'] })).toBe('请到区级大厅办理')
    expect(whereToApplyNote({ anywhere: false, levels: ['street', 'community'] })).toMatch(/户籍或居住地/)
    expect(levelsLabel(['district', 'community'])).toBe('区级大厅、社区服务站')
  })
})

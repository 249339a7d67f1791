import { APPLICATION_STAGES, canMove, nextStages, type ApplicationStage } from '@/domain/applicationStatus'

describe('application status machine', () => {
  it('starts with a submission only', () => {
    expect(nextStages([])).toEqual(['submitted'])
  })

  it('follows the whole road: submitted → accepted → 补正 ↔ received → reviewing → decided → completed → delivered', () => {
    const road: ApplicationStage[] = [
      'submitted', 'accepted', 'supplement_requested', 'supplement_received', 'supplement_requested',
      'supplement_received', 'reviewing', 'decided', 'completed', 'delivered',
    ]
    for (let i = 1; i < road.length; i += 1) expect(canMove(road.slice(0, i), road[i])).toBe(true)
    expect(nextStages(road)).toEqual([])
  })

  it('returns to acceptance after a supplement asked for before acceptance, to review after one asked for later', () => {
    expect(nextStages(['submitted', 'supplement_requested', 'supplement_received'])).toEqual(['supplement_requested', 'accepted'])
    expect(nextStages(['submitted', 'accepted', 'supplement_requested', 'supplement_received'])).toEqual(['supplement_requested', 'reviewing'])
  })

  it('rejects skipping steps, going back, and anything after delivery', () => {
    expect(canMove(['submitted'], 'reviewing')).toBe(false)
    expect(canMove(['submitted'], 'decided')).toBe(false)
    expect(canMove(['submitted', 'accepted'], 'accepted')).toBe(false)
    expect(canMove(['submitted', 'accepted', 'reviewing'], 'accepted')).toBe(false)
    expect(canMove(['submitted', 'accepted', 'reviewing', 'decided'], 'supplement_requested')).toBe(false)
    expect(canMove(['submitted', 'accepted', 'reviewing', 'decided'], 'delivered')).toBe(false)
    expect(canMove(['submitted', 'accepted', 'supplement_requested'], 'reviewing')).toBe(false)
    const done: ApplicationStage[] = ['submitted', 'accepted', 'reviewing', 'decided', 'completed', 'delivered']
    for (const stage of APPLICATION_STAGES) expect(canMove(done, stage)).toBe(false)
  })

  it('never submits twice', () => {
    for (const stage of APPLICATION_STAGES) {
      const history: ApplicationStage[] = stage === 'submitted' ? ['submitted'] : ['submitted', stage]
      expect(canMove(history, 'submitted')).toBe(false)
    }
  })
})

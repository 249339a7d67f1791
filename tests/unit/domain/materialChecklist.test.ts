import { checklistProgress, pruneTicks } from '@/domain/materialChecklist'
import type { Material } from '@/domain/contract'

const materials: Material[] = [
  { name: '居民户口簿', form: '原件', copies: 1, required: true },
  { name: '近期免冠彩色照片', form: '原件', copies: 2, required: true },
  { name: '委托书', form: '原件', copies: 1, required: false },
]

describe('material checklist', () => {
  it('is ready only when every required material is ticked', () => {
    expect(checklistProgress(materials, [])).toEqual({
      ticked: 0,
      total: 3,
      requiredMissing: ['居民户口簿', '近期免冠彩色照片'],
      ready: false,
    })
    expect(checklistProgress(materials, ['委托书']).ready).toBe(false)
    expect(checklistProgress(materials, ['居民户口簿', '近期免冠彩色照片'])).toMatchObject({ ticked: 2, ready: true })
  })

  it('ignores ticks for materials the guide no longer lists', () => {
    expect(checklistProgress(materials, ['旧材料', '委托书']).ticked).toBe(1)
    expect(pruneTicks(materials, ['旧材料', '委托书'])).toEqual(['委托书'])
  })

  it('treats a guide without materials as ready', () => {
    expect(checklistProgress([], [])).toEqual({ ticked: 0, total: 0, requiredMissing: [], ready: true })
  })
})

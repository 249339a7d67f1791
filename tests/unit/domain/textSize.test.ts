import { prefersLargeText } from '@/domain/textSize'

describe('large system text (WeChat 字体大小 / 关怀模式)', () => {
  it('treats WeChat standard and the first steps up as ordinary', () => {
    expect(prefersLargeText({ fontSizePx: 17 })).toBe(false)
    expect(prefersLargeText({ fontSizePx: 19.5 })).toBe(false)
    expect(prefersLargeText({ scaleFactor: 1 })).toBe(false)
  })

  it('treats care mode and the largest steps as a wish for large text', () => {
    expect(prefersLargeText({ fontSizePx: 23.8 })).toBe(true) // 关怀模式
    expect(prefersLargeText({ fontSizePx: 22 })).toBe(true)
    expect(prefersLargeText({ scaleFactor: 1.4 })).toBe(true)
  })

  it('prefers WeChat\'s own factor and ignores missing or broken readings', () => {
    expect(prefersLargeText({ fontSizePx: 30, scaleFactor: 1 })).toBe(false)
    expect(prefersLargeText({})).toBe(false)
    expect(prefersLargeText({ fontSizePx: Number.NaN })).toBe(false)
    expect(prefersLargeText({ fontSizePx: null, scaleFactor: null })).toBe(false)
  })
})

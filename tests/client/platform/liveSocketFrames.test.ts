import { frameText } from '@/platform/liveSocketTypes'

describe('live socket frames', () => {
  const json = JSON.stringify({ type: 'ticket', hallName: '龙华区行政服务大厅', emoji: '🎫' })
  const bytes = new TextEncoder().encode(json).buffer

  it('reads text frames and binary ones alike', () => {
    expect(frameText(json)).toBe(json)
    expect(frameText(bytes)).toBe(json)
    expect(frameText({})).toBeNull()
  })

  it('reads UTF-8 without TextDecoder (older WeChat base libraries)', () => {
    const saved = globalThis.TextDecoder
    // @ts-expect-error: removed for this test only
    delete globalThis.TextDecoder
    try {
      expect(frameText(bytes)).toBe(json)
    } finally {
      globalThis.TextDecoder = saved
    }
  })
})

import { errorMessage, errorMessages, isErrorCode, isRetryable } from '@/domain/errors'

describe('error contract', () => {
  it('has a Chinese and an English sentence for every code', () => {
    for (const [code, messages] of Object.entries(errorMessages)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/)
      expect(messages.zh.length).toBeGreaterThan(4)
      expect(messages.en.length).toBeGreaterThan(4)
      expect({ code, en: /[\u4e00-\u9fff]/.test(messages.en) ? messages.en : 'English' }).toEqual({ code, en: 'English' })
    }
  })

  it('tells codes it knows from strings it does not', () => {
    expect(isErrorCode('ITEM_NOT_FOUND')).toBe(true)
    expect(isErrorCode('toString')).toBe(false)
    expect(isErrorCode(42)).toBe(false)
  })

  it('offers a retry only where retrying can help', () => {
    expect(isRetryable('NETWORK_ERROR')).toBe(true)
    expect(isRetryable('SERVICE_UNAVAILABLE')).toBe(true)
    expect(isRetryable('VALIDATION_FAILED')).toBe(false)
    expect(isRetryable('ITEM_NOT_FOUND')).toBe(false)
    expect(errorMessage('ITEM_NOT_FOUND', 'en')).toMatch(/not be found/)
  })
})

import { newIdempotencyKey } from '@/api/idempotencyKey'

describe('idempotency keys for user actions', () => {
  it('fits the server rule (1–64 visible ASCII characters) and does not repeat', () => {
    const keys = Array.from({ length: 10_000 }, newIdempotencyKey)
    for (const key of keys) expect(key).toMatch(/^[\x21-\x7e]{1,64}$/)
    expect(new Set(keys).size).toBe(keys.length)
  })
})

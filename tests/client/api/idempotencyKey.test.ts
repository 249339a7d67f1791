import { attemptKeys, newIdempotencyKey } from '@/api/idempotencyKey'

describe('idempotency keys for user actions', () => {
  it('fits the server rule (1–64 visible ASCII characters) and does not repeat', () => {
    const keys = Array.from({ length: 10_000 }, newIdempotencyKey)
    for (const key of keys) expect(key).toMatch(/^[\x21-\x7e]{1,64}$/)
    expect(new Set(keys).size).toBe(keys.length)
  })
})

describe('keys per booking attempt', () => {
  it('repeats the key for retries of one attempt and changes it for a new attempt', () => {
    const keyFor = attemptKeys()
    const first = keyFor('slot-1|张三')
    expect(keyFor('slot-1|张三')).toBe(first)
    const second = keyFor('slot-2|张三')
    expect(second).not.toBe(first)
    expect(keyFor('slot-2|张三')).toBe(second)
    expect(attemptKeys()('slot-1|张三')).not.toBe(first)
  })
})

/**
 * A key for one user action (a booking, a ticket, a submitted form), created when the action starts and sent with
 * every retry of it, so a retry after a lost answer cannot create the thing twice. Uniqueness, not secrecy, is what
 * matters here, and the mini-program has no crypto.getRandomValues on every base library version.
 */
export function newIdempotencyKey(): string {
  const random = () => Math.floor(Math.random() * 2 ** 32).toString(36).padStart(7, '0')
  return `${Date.now().toString(36)}-${random()}${random()}${random()}`
}

/**
 * Keys for repeated attempts at one action: the same attempt (same fingerprint, e.g. the slot and the person's
 * details) gets the same key on every retry; a changed attempt (another slot after SLOT_FULL) gets a new one, so
 * the server does not replay the old answer to a new question.
 */
export function attemptKeys(): (fingerprint: string) => string {
  let current: { fingerprint: string; key: string } | null = null
  return (fingerprint) => {
    if (current?.fingerprint !== fingerprint) current = { fingerprint, key: newIdempotencyKey() }
    return current.key
  }
}

/**
 * A key for one user action (a booking, a ticket, a submitted form), created when the action starts and sent with
 * every retry of it, so a retry after a lost answer cannot create the thing twice. Uniqueness, not secrecy, is what
 * matters here, and the mini-program has no crypto.getRandomValues on every base library version.
 */
export function newIdempotencyKey(): string {
  const random = () => Math.floor(Math.random() * 2 ** 32).toString(36).padStart(7, '0')
  return `${Date.now().toString(36)}-${random()}${random()}${random()}`
}

// The check-in code posted in every hall: a QR code of `banshi:hall:<hall id>`, with the hall id printed under it
// for phones that cannot scan. Both reach the server in the QR's form.

const PREFIX = 'banshi:hall:'

/** What to send as `hallCode`: a scanned payload as it is; a typed poster code with the prefix put back. */
export function hallCodeFrom(input: string): string {
  const trimmed = input.trim()
  if (trimmed.toLowerCase().startsWith(PREFIX)) return `${PREFIX}${trimmed.slice(PREFIX.length)}`
  return `${PREFIX}${trimmed}`
}

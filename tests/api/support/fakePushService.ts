// A stand-in for a browser vendor's push service. It does not decrypt payloads; it checks what a push service
// checks before accepting one: a VAPID Authorization header signed by the key it names and meant for this origin,
// a TTL, an aes128gcm body, and the Urgency and Topic headers.
import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface PushRequest {
  subscriptionId: string
  headers: http.IncomingHttpHeaders
  bodyBytes: number
  /** The VAPID header checked out: signature, audience, expiry. */
  vapidValid: boolean
  /** The `k=` public key the JWT was signed with. */
  vapidKey: string | null
}

export interface FakePushService {
  url: string
  requests: PushRequest[]
  /** Status the push service answers per subscription id; 201 when not set. */
  statusFor: Map<string, number>
  /** Retry-After sent with a 429. */
  retryAfterS: number
  /** A browser's subscription that points at this fake, with real P-256 keys so the library can encrypt. */
  newSubscription(id: string): { endpoint: string; keys: { p256dh: string; auth: string } }
  close(): Promise<void>
}

function verifyVapid(header: string | undefined, origin: string): { valid: boolean; key: string | null } {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '')
  if (!match) return { valid: false, key: null }
  const [, jwt, key] = match
  const [head, claims, signature] = jwt.split('.')
  try {
    const point = Buffer.from(key, 'base64url')
    if (point.length !== 65 || point[0] !== 4) return { valid: false, key }
    const publicKey = crypto.createPublicKey({
      key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') },
      format: 'jwk',
    })
    const signed = crypto.verify('sha256', Buffer.from(`${head}.${claims}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'))
    const header = JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string }
    const body = JSON.parse(Buffer.from(claims, 'base64url').toString()) as { aud?: string; exp?: number; sub?: string }
    const fresh = typeof body.exp === 'number' && body.exp > Date.now() / 1000 && body.exp <= Date.now() / 1000 + 24 * 3600
    return { valid: signed && header.alg === 'ES256' && body.aud === origin && fresh && typeof body.sub === 'string', key }
  } catch {
    return { valid: false, key }
  }
}

export async function startFakePushService(): Promise<FakePushService> {
  const requests: PushRequest[] = []
  const statusFor = new Map<string, number>()
  const state = { retryAfterS: 30 }
  let origin = ''
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const match = /^\/push\/([\w-]+)$/.exec(req.url ?? '')
      if (req.method !== 'POST' || !match) return res.writeHead(404).end()
      const vapid = verifyVapid(req.headers.authorization, origin)
      const bodyBytes = Buffer.concat(chunks).length
      requests.push({ subscriptionId: match[1], headers: req.headers, bodyBytes, vapidValid: vapid.valid, vapidKey: vapid.key })
      // What real push services refuse outright.
      if (!vapid.valid) return res.writeHead(403).end()
      if (req.headers.ttl === undefined || req.headers['content-encoding'] !== 'aes128gcm') return res.writeHead(400).end()
      const status = statusFor.get(match[1]) ?? 201
      res.writeHead(status, status === 429 ? { 'retry-after': String(state.retryAfterS) } : {}).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  return Object.assign(state, {
    url: origin,
    requests,
    statusFor,
    newSubscription(id: string) {
      const ecdh = crypto.createECDH('prime256v1')
      ecdh.generateKeys()
      return { endpoint: `${origin}/push/${id}`, keys: { p256dh: ecdh.getPublicKey('base64url'), auth: crypto.randomBytes(16).toString('base64url') } }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  })
}

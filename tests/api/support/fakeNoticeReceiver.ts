// A stand-in for a message gateway that honours an Idempotency-Key header (as an SMS gateway or a Web Push service
// with Topic does): a repeat of a key is acknowledged but not delivered again. It counts what it delivered, so tests
// can say "exactly once". `script` answers the next requests with failures, in order.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { templateOfNotice, type NoticeKind, type NoticeParams } from '../../../src/domain/notices'
import type { OutboxRow } from '../../../server/modules/notify/outboxRepo'
import type { ChannelName } from '../../../src/domain/notices'
import type { Delivery, NotificationChannel, Recipient, RenderedNotice, SendOutcome } from '../../../server/modules/notify/types'

export interface ReceivedNotice {
  key: string
  channel: string
  to: string | null
  kind: string
  title: string
  receivedAt: number
}

export type ScriptedAnswer = { status: number; retryAfterSeconds?: number } | 'hang'

export interface FakeNoticeReceiver {
  url: string
  /** Delivered messages, one per idempotency key. */
  delivered: ReceivedNotice[]
  /** Every request, repeats included. */
  requests: number
  script: ScriptedAnswer[]
  /** Called on each first delivery (benches time arrivals with it). */
  onDelivered?: (notice: ReceivedNotice) => void
  deliveriesOf(key: string): number
  close(): Promise<void>
}

export async function startFakeNoticeReceiver(): Promise<FakeNoticeReceiver> {
  const seen = new Set<string>()
  const receiver: Omit<FakeNoticeReceiver, 'url' | 'close'> = {
    delivered: [],
    requests: 0,
    script: [],
    deliveriesOf: (key) => receiver.delivered.filter((d) => d.key === key).length,
  }
  const server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (chunk) => (raw += chunk))
    req.on('end', () => {
      receiver.requests += 1
      const key = req.headers['idempotency-key']
      if (req.method !== 'POST' || typeof key !== 'string' || !key) return res.writeHead(400).end()
      const scripted = receiver.script.shift()
      if (scripted === 'hang') return
      if (scripted) {
        const headers: Record<string, string> = scripted.retryAfterSeconds ? { 'retry-after': String(scripted.retryAfterSeconds) } : {}
        return res.writeHead(scripted.status, headers).end()
      }
      if (!seen.has(key)) {
        seen.add(key)
        const body = JSON.parse(raw)
        const notice: ReceivedNotice = { key, channel: body.channel, to: body.to, kind: body.kind, title: body.title, receivedAt: performance.now() }
        receiver.delivered.push(notice)
        receiver.onDelivered?.(notice)
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  })
}

/**
 * A channel double that speaks HTTP to the fake receiver, passing the dedup key as Idempotency-Key; answers map
 * to outcomes as the real channels map theirs (2xx sent, 429/5xx retry, 404/410 unavailable, other 4xx rejected).
 */
export class ReceiverChannel implements NotificationChannel {
  constructor(
    readonly name: ChannelName,
    private readonly url: string,
    readonly idempotentResend = true,
    private readonly reaches: (delivery: Delivery) => boolean = () => true,
  ) {}

  async canReach(delivery: Delivery): Promise<boolean> {
    return this.reaches(delivery)
  }

  async send(delivery: Delivery): Promise<SendOutcome> {
    const body = JSON.stringify({ channel: this.name, to: delivery.recipient.userId ?? delivery.recipient.phone, kind: delivery.notice.kind, title: delivery.notice.title })
    const response = await post(`${this.url}/messages`, body, { 'content-type': 'application/json', 'idempotency-key': delivery.dedupKey })
    if (response.status >= 200 && response.status < 300) return { outcome: 'sent' }
    const retryAfter = Number(response.retryAfter)
    if (response.status === 429 || response.status >= 500) {
      return { outcome: 'retry', reason: `HTTP ${response.status}`, ...(retryAfter ? { retryAfterMs: retryAfter * 1000 } : {}) }
    }
    if (response.status === 404 || response.status === 410) return { outcome: 'unavailable', reason: `HTTP ${response.status}` }
    return { outcome: 'rejected', reason: `HTTP ${response.status}` }
  }
}

// node:http with keep-alive rather than fetch: on this shared machine fetch costs ~10x more per request, and the
// bench would measure the client instead of the outbox.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })

function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers, timeout: 5000 }, (response) => {
      response.resume()
      response.on('end', () => resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'] }))
    })
    request.on('timeout', () => request.destroy(new Error('timeout')))
    request.on('error', reject)
    request.end(body)
  })
}

/** Words are the channels branch's job; the worker only needs something shaped like them. */
export function plainRender(kind: NoticeKind, params: NoticeParams, locale: RenderedNotice['locale']): RenderedNotice {
  return { kind, locale, title: `${kind}:${locale}`, body: JSON.stringify(params), path: params.path, wechatTemplate: templateOfNotice[kind], wechatData: {} }
}

export async function recipientOfRow(row: OutboxRow): Promise<Recipient> {
  return { userId: row.user_id, openid: null, phone: row.phone_enc ? 'sealed' : null }
}

export const quietLog = { debug: () => undefined, info: () => undefined, warn: () => undefined }

// A stand-in for an SMS gateway's reminder API: it checks the bearer key and the Idempotency-Key header, and drops a
// repeat of a key it has seen, as a real gateway promises to, so a resend after a crash texts nobody twice.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface TextedNotice {
  to: string
  template: string
  params: Record<string, string>
  text: string
  idempotencyKey: string
}

export interface FakeSmsNoticeGateway {
  url: string
  /** Messages actually texted (repeats of a key are not). */
  texted: TextedNotice[]
  /** Every request, repeats included. */
  requests: number
  /** ok: 200; fail: HTTP 503; refuse: HTTP 422 (bad number); hang: no answer. */
  mode: 'ok' | 'fail' | 'refuse' | 'hang'
  close(): Promise<void>
}

export async function startFakeSmsNoticeGateway(apiKey = 'sms-test-key'): Promise<FakeSmsNoticeGateway> {
  const seen = new Set<string>()
  const gateway = { texted: [] as TextedNotice[], requests: 0, mode: 'ok' as FakeSmsNoticeGateway['mode'] }
  const server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (chunk) => (raw += chunk))
    req.on('end', () => {
      const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
      if (req.method !== 'POST' || req.url !== '/messages') return json(404, { error: 'not found' })
      gateway.requests += 1
      if (req.headers.authorization !== `Bearer ${apiKey}`) return json(401, { error: 'bad key' })
      const key = req.headers['idempotency-key']
      if (typeof key !== 'string' || key === '') return json(400, { error: 'Idempotency-Key required' })
      if (gateway.mode === 'hang') return
      if (gateway.mode === 'fail') return json(503, { error: 'gateway busy' })
      if (gateway.mode === 'refuse') return json(422, { error: 'number not reachable' })
      const body = JSON.parse(raw) as Omit<TextedNotice, 'idempotencyKey'>
      if (typeof body.to !== 'string' || typeof body.text !== 'string' || typeof body.template !== 'string') return json(400, { error: 'bad payload' })
      if (seen.has(key)) return json(200, { id: key, duplicate: true })
      seen.add(key)
      gateway.texted.push({ ...body, idempotencyKey: key })
      json(200, { id: key })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(gateway, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  })
}

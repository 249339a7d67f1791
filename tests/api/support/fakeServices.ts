// Small stand-ins for services this machine cannot reach (WeChat's code2session, an SMS gateway), started by the
// tests on a free port so the real HTTP clients are exercised end to end.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeServer {
  url: string
  close(): Promise<void>
}

async function listen(handler: http.RequestListener): Promise<FakeServer & { server: http.Server }> {
  const server = http.createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}

export const FAKE_APPID = 'wx0123456789abcdef'
export const FAKE_SECRET = 'test-secret'

/** What code2session answers for a code: an openid, a WeChat error, or no answer at all. */
export type WechatAnswer = { openid: string } | { errcode: number; errmsg: string } | 'hang'

export interface FakeWechat extends FakeServer {
  answers: Map<string, WechatAnswer>
  requests: URLSearchParams[]
}

export async function startFakeWechat(): Promise<FakeWechat> {
  const answers = new Map<string, WechatAnswer>()
  const requests: URLSearchParams[] = []
  const base = await listen((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    if (url.pathname !== '/sns/jscode2session' || req.method !== 'GET') return sendJson(res, 404, { errcode: 404 })
    requests.push(url.searchParams)
    const { searchParams: q } = url
    if (q.get('appid') !== FAKE_APPID || q.get('secret') !== FAKE_SECRET) {
      return sendJson(res, 200, { errcode: 40013, errmsg: 'invalid appid' })
    }
    if (q.get('grant_type') !== 'authorization_code') return sendJson(res, 200, { errcode: 40002, errmsg: 'invalid grant_type' })
    const answer = answers.get(q.get('js_code') ?? '') ?? { errcode: 40029, errmsg: 'invalid code' }
    if (answer === 'hang') return // never answers: the client's timeout must fire
    if ('openid' in answer) return sendJson(res, 200, { openid: answer.openid, session_key: 'c2Vzc2lvbg==' })
    return sendJson(res, 200, answer)
  })
  return { url: base.url, close: base.close, answers, requests }
}

export interface SmsMessage {
  to: string
  code: string
  minutes: number
  authorization: string | undefined
}

export interface FakeSmsGateway extends FakeServer {
  messages: SmsMessage[]
  /** ok: 200; fail: HTTP 500; hang: no answer. */
  mode: 'ok' | 'fail' | 'hang'
  lastCodeFor(phone: string): string
}

export async function startFakeSmsGateway(apiKey = 'sms-test-key'): Promise<FakeSmsGateway> {
  const gateway = { messages: [] as SmsMessage[], mode: 'ok' as FakeSmsGateway['mode'] }
  const base = await listen((req, res) => {
    let raw = ''
    req.on('data', (chunk) => (raw += chunk))
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/messages') return sendJson(res, 404, { error: 'not found' })
      if (req.headers.authorization !== `Bearer ${apiKey}`) return sendJson(res, 401, { error: 'bad key' })
      if (gateway.mode === 'hang') return
      if (gateway.mode === 'fail') return sendJson(res, 500, { error: 'gateway down' })
      const body = JSON.parse(raw)
      if (body.template !== 'sign_in_code' || typeof body.params?.code !== 'string') return sendJson(res, 400, { error: 'bad payload' })
      gateway.messages.push({ to: body.to, code: body.params.code, minutes: body.params.minutes, authorization: req.headers.authorization })
      sendJson(res, 200, { id: `msg-${gateway.messages.length}` })
    })
  })
  return Object.assign(gateway, {
    url: base.url,
    close: base.close,
    lastCodeFor(phone: string): string {
      const message = [...gateway.messages].reverse().find((m) => m.to === phone)
      if (!message) throw new Error(`no code was texted to ${phone}`)
      return message.code
    },
  })
}

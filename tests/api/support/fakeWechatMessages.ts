// A stand-in for WeChat's server-side message API: stable_token and subscribe/send. It checks the token and the
// payload shape the way WeChat does (field names of the template, WeChat's length limits) and can be told to fail,
// throttle, refuse or expire tokens, so the real clients are exercised end to end.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { WECHAT_FIELD_LIMITS, WECHAT_TEMPLATE_FIELDS } from '../../../src/domain/noticeText'
import type { WechatTemplateKey } from '../../../src/domain/notices'
import { FAKE_APPID, FAKE_SECRET } from './fakeServices'

export const FAKE_TEMPLATE_IDS: Record<WechatTemplateKey, string> = {
  queue: 'tmpl-queue-0001',
  appointment: 'tmpl-appointment-0002',
  application: 'tmpl-application-0003',
}

export interface ReceivedMessage {
  touser: string
  template_id: string
  template: WechatTemplateKey
  page: string
  data: Record<string, { value: string }>
  miniprogram_state: string
  lang: string
}

/** What the next send answers: delivered, a WeChat errcode, HTTP 500, or no answer at all. */
export type SendScript = 'ok' | { errcode: number } | 'http500' | 'hang'

export interface FakeWechatMessages {
  url: string
  /** Messages accepted (delivered). */
  received: ReceivedMessage[]
  /** Every send request, accepted or not. */
  sendRequests: number
  tokenRequests: Array<{ forceRefresh: boolean }>
  /** Answers for the next sends, in order; once empty, sends succeed. */
  script: SendScript[]
  /** How long the token endpoint takes to answer. */
  tokenDelayMs: number
  /** expires_in of issued tokens, seconds. */
  tokenLifetimeS: number
  /** Makes every token issued so far expired (42001), as WeChat does after 2 hours. */
  expireTokens(): void
  /** Makes every token issued so far invalid (40001), as when another server forced a refresh. */
  revokeTokens(): void
  close(): Promise<void>
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    let raw = ''
    req.on('data', (chunk) => (raw += chunk))
    req.on('end', () => {
      try {
        resolve(JSON.parse(raw))
      } catch {
        resolve(null)
      }
    })
  })
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}

/** Whether `data` has exactly the template's fields, each within WeChat's limit for its type. */
function dataFits(template: WechatTemplateKey, data: unknown): boolean {
  if (!data || typeof data !== 'object') return false
  const fields = WECHAT_TEMPLATE_FIELDS[template]
  const record = data as Record<string, { value?: unknown }>
  if (Object.keys(record).length !== fields.length) return false
  return fields.every(({ key, type }) => {
    const value = record[key]?.value
    if (typeof value !== 'string' || value === '') return false
    if (value.length > WECHAT_FIELD_LIMITS[type]) return false
    if (type === 'character_string' && !/^[\x21-\x7e]+$/.test(value)) return false
    if (type === 'phrase' && !/^[\u4e00-\u9fff]+$/.test(value)) return false
    if (type === 'time' && value !== '-' && !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(value)) return false
    return true
  })
}

export async function startFakeWechatMessages(): Promise<FakeWechatMessages> {
  const tokens = new Map<string, 'valid' | 'expired' | 'revoked'>()
  let current: string | null = null
  let issued = 0
  const templateOfId = new Map(Object.entries(FAKE_TEMPLATE_IDS).map(([key, id]) => [id, key as WechatTemplateKey]))

  const fake: Omit<FakeWechatMessages, 'url' | 'close'> = {
    received: [],
    sendRequests: 0,
    tokenRequests: [],
    script: [],
    tokenDelayMs: 0,
    tokenLifetimeS: 7200,
    expireTokens() {
      for (const token of tokens.keys()) tokens.set(token, 'expired')
      current = null
    },
    revokeTokens() {
      for (const token of tokens.keys()) tokens.set(token, 'revoked')
      current = null
    },
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    if (req.method === 'POST' && url.pathname === '/cgi-bin/stable_token') {
      const body = (await readJson(req)) as { grant_type?: string; appid?: string; secret?: string; force_refresh?: boolean } | null
      fake.tokenRequests.push({ forceRefresh: body?.force_refresh === true })
      if (fake.tokenDelayMs) await new Promise((resolve) => setTimeout(resolve, fake.tokenDelayMs))
      if (body?.grant_type !== 'client_credential') return sendJson(res, 200, { errcode: 40002, errmsg: 'invalid grant_type' })
      if (body.appid !== FAKE_APPID || body.secret !== FAKE_SECRET) return sendJson(res, 200, { errcode: 40013, errmsg: 'invalid appid' })
      if (!current || body.force_refresh) {
        if (current) tokens.set(current, 'revoked')
        current = `fake-token-${++issued}`
        tokens.set(current, 'valid')
      }
      return sendJson(res, 200, { access_token: current, expires_in: fake.tokenLifetimeS })
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
      const body = (await readJson(req)) as Partial<ReceivedMessage> | null
      fake.sendRequests += 1
      const state = tokens.get(url.searchParams.get('access_token') ?? '')
      if (state === 'expired') return sendJson(res, 200, { errcode: 42001, errmsg: 'access_token expired' })
      if (state !== 'valid') return sendJson(res, 200, { errcode: 40001, errmsg: 'invalid credential' })
      const next = fake.script.shift() ?? 'ok'
      if (next === 'hang') return
      if (next === 'http500') return sendJson(res, 500, { error: 'internal' })
      if (next !== 'ok') return sendJson(res, 200, { errcode: next.errcode, errmsg: 'scripted' })
      const template = templateOfId.get(body?.template_id ?? '')
      if (!body || !template) return sendJson(res, 200, { errcode: 40037, errmsg: 'invalid template_id' })
      if (typeof body.touser !== 'string' || body.touser === '') return sendJson(res, 200, { errcode: 40003, errmsg: 'invalid openid' })
      if (typeof body.page !== 'string' || body.page.startsWith('/')) return sendJson(res, 200, { errcode: 41030, errmsg: 'invalid page' })
      if (!['formal', 'trial', 'developer'].includes(body.miniprogram_state ?? '')) return sendJson(res, 200, { errcode: 40001, errmsg: 'bad state' })
      if (!['zh_CN', 'en_US', 'zh_HK', 'zh_TW'].includes(body.lang ?? '')) return sendJson(res, 200, { errcode: 40001, errmsg: 'bad lang' })
      if (!dataFits(template, body.data)) return sendJson(res, 200, { errcode: 47003, errmsg: 'argument invalid! data.xxx.value' })
      fake.received.push({ ...(body as ReceivedMessage), template })
      return sendJson(res, 200, { errcode: 0, errmsg: 'ok', msgid: fake.received.length })
    }
    sendJson(res, 404, { errcode: 404 })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  })
}

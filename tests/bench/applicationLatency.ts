// Progress lookup latency and upload throughput through the real app (inject, no network), SQLite and PostgreSQL.
import { performance } from 'node:perf_hooks'
import type { DialectName } from '../../server/db/connect'
import { ephemeralAuthSettings } from '../../server/modules/auth/settings'
import type { RateLimiter } from '../../server/security/rateLimiter'
import { createTestApp } from '../api/support/testApp'
import { bearer, devSignIn } from '../api/support/signIn'
import { APPLICANT, PHOTO_WITH_GPS, multipartBody, submitBody } from '../api/support/applications'
import { ms, summarize, type Row } from './stats'

const APPLICATIONS = 300
const LOOKUPS = 1000
const PHOTO_BYTES = 400 * 1024

/** A real JPEG padded with a comment segment to the size a phone sends after compression (~400 KB). */
function phoneSizedPhoto(): Buffer {
  const sos = PHOTO_WITH_GPS.indexOf(Buffer.from([0xff, 0xda]))
  const segments: Buffer[] = []
  let missing = PHOTO_BYTES - PHOTO_WITH_GPS.length
  while (missing > 4) {
    const length = Math.min(65533, missing - 4)
    const head = Buffer.from([0xff, 0xfe, (length + 2) >> 8, (length + 2) & 0xff])
    segments.push(head, Buffer.alloc(length, 0x41))
    missing -= length + 4
  }
  return Buffer.concat([PHOTO_WITH_GPS.subarray(0, sos), ...segments, PHOTO_WITH_GPS.subarray(sos)])
}

async function measure(dialect: DialectName): Promise<Row[]> {
  // A limiter that never bites: the bench looks up a thousand times from one address on purpose.
  const limiter: RateLimiter = { hit: async () => ({ allowed: true, retryAfterS: 0 }) }
  const t = await createTestApp(dialect, { auth: ephemeralAuthSettings({ devLogin: true, limiter }) })
  try {
    const citizen = await devSignIn(t.app, { phone: APPLICANT.phone })
    const photo = phoneSizedPhoto()
    const uploadTimes: number[] = []
    const numbers: string[] = []
    const uploadStart = performance.now()
    const upload = async () => {
      const { payload, headers } = multipartBody(photo)
      const start = performance.now()
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/uploads', payload, headers: { ...headers, ...bearer(citizen) } })
      uploadTimes.push(performance.now() - start)
      if (res.statusCode !== 201) throw new Error(`upload ${res.statusCode} ${res.body}`)
      return res.json().id as string
    }
    const uploadIds: string[] = []
    for (let i = 0; i < APPLICATIONS * 2; i += 1) uploadIds.push(await upload())
    const uploadTotalS = (performance.now() - uploadStart) / 1000

    for (let i = 0; i < APPLICATIONS; i += 1) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/applications', headers: bearer(citizen), payload: submitBody(uploadIds.slice(i * 2, i * 2 + 2)) })
      if (res.statusCode !== 201) throw new Error(`submit ${res.statusCode} ${res.body}`)
      numbers.push(res.json().no)
    }

    const hits: number[] = []
    const misses: number[] = []
    for (let i = 0; i < LOOKUPS; i += 1) {
      const no = numbers[(i * 7919) % numbers.length]
      const start = performance.now()
      const right = await t.app.inject({ method: 'GET', url: `/api/v1/applications/lookup?no=${no}&phoneLast4=0001` })
      hits.push(performance.now() - start)
      if (right.statusCode !== 200) throw new Error(`lookup ${right.statusCode}`)
      const missStart = performance.now()
      await t.app.inject({ method: 'GET', url: `/api/v1/applications/lookup?no=${no}&phoneLast4=9999` })
      misses.push(performance.now() - missStart)
    }
    const [u, h, m] = [summarize(uploadTimes), summarize(hits), summarize(misses)]
    const megabytes = (photo.length * uploadTimes.length) / (1024 * 1024)
    return [
      { figure: `progress lookup p50 / p95 — ${dialect}`, value: `${ms(h.p50)} / ${ms(h.p95)}`, note: `${h.n} lookups over ${APPLICATIONS} applications` },
      { figure: `progress lookup, wrong phone p50 / p95 — ${dialect}`, value: `${ms(m.p50)} / ${ms(m.p95)}`, note: 'same 404 as an unknown number' },
      { figure: `upload p50 / p95 — ${dialect}`, value: `${ms(u.p50)} / ${ms(u.p95)}`, note: `${Math.round(photo.length / 1024)} KB JPEG, EXIF stripped, to disk` },
      { figure: `upload throughput — ${dialect}`, value: `${(uploadTimes.length / uploadTotalS).toFixed(1)} uploads/s`, note: `${(megabytes / uploadTotalS).toFixed(1)} MB/s, one at a time` },
    ]
  } finally {
    await t.close()
  }
}

export async function applicationLatencyRows(): Promise<Row[]> {
  const rows = await measure('sqlite')
  if (process.env.DATABASE_URL) rows.push(...(await measure('postgres')))
  return rows
}

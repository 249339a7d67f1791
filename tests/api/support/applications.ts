import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Application, Session } from '@/domain/contract'
import { bearer } from './signIn'

/** A real JPEG (48×32) carrying an EXIF APP1 segment with a GPS pointer and a location string. */
export const PHOTO_WITH_GPS = readFileSync(path.join(__dirname, '../../fixtures/photo-with-gps.jpg'))
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** 居民身份证换领: 网上预审, handled by the district hall (window1's), two required materials, 15 working days. */
export const ONLINE_ITEM = '010100020000'
/** 居民身份证申领: 窗口办理 only. */
export const WINDOW_ONLY_ITEM = '010100010000'

export const APPLICANT = { name: '张三', idNumber: '11010519491231002X', phone: '13600000001', address: '龙华区民治街道白石龙一区 3 栋 201' }

export function multipartBody(bytes: Buffer, { filename = 'photo.jpg', contentType = 'image/jpeg', field = 'file' } = {}) {
  const boundary = `----banshi${Math.random().toString(16).slice(2)}`
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

export function postUpload(app: FastifyInstance, session: Session | null, bytes: Buffer, options?: Parameters<typeof multipartBody>[1]): Promise<LightMyRequestResponse> {
  const { payload, headers } = multipartBody(bytes, options)
  return app.inject({ method: 'POST', url: '/api/v1/uploads', payload, headers: { ...headers, ...(session ? bearer(session) : {}) } })
}

export async function uploadId(app: FastifyInstance, session: Session): Promise<string> {
  const res = await postUpload(app, session, PHOTO_WITH_GPS)
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`)
  return res.json().id
}

export function submitBody(materials: string[], overrides: Record<string, unknown> = {}) {
  return { itemCode: ONLINE_ITEM, applicant: APPLICANT, materials, consent: { sensitive: true }, ...overrides }
}

/** Uploads the two required materials and submits; returns the created application. */
export async function submitOnline(app: FastifyInstance, session: Session, applicant = APPLICANT): Promise<Application> {
  const materials = [await uploadId(app, session), await uploadId(app, session)]
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/applications',
    headers: bearer(session),
    payload: submitBody(materials, { applicant }),
  })
  if (res.statusCode !== 201) throw new Error(`submit failed: ${res.statusCode} ${res.body}`)
  return res.json()
}

export function staffEvent(app: FastifyInstance, session: Session, no: string, payload: object) {
  return app.inject({ method: 'POST', url: `/api/v1/staff/applications/${no}/events`, headers: bearer(session), payload })
}

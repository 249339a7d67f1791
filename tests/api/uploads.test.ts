import type { Session } from '@/domain/contract'
import { UPLOAD_MAX_BYTES } from '@/domain/limits'
import { ephemeralAuthSettings } from '../../server/modules/auth/settings'
import { createTestApp, dialects, postgresSkipReason, type TestApp } from './support/testApp'
import { bearer, devSignIn, signInEveryRole } from './support/signIn'
import { expectErrorBody } from './support/expectErrorBody'
import { APPLICANT, PHOTO_WITH_GPS, PNG_SIGNATURE, postUpload, submitOnline } from './support/applications'

if (postgresSkipReason) console.info(postgresSkipReason)

const LOCATION_TEXT = Buffer.from('GPS 22.6566N 114.0297E', 'latin1')
// A 1×1 lossless WebP.
const WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64')
const HEIC_HEAD = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(64)])

function pngWithExif(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8)
    head.writeUInt32BE(data.length, 0)
    head.write(type, 4, 'latin1')
    return Buffer.concat([head, data, Buffer.alloc(4)]) // CRC is not checked by the server
  }
  const ihdr = Buffer.from('0000000100000001080200000', 'hex')
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('eXIf', LOCATION_TEXT), chunk('IDAT', Buffer.from([1, 2, 3])), chunk('IEND', Buffer.alloc(0))])
}

function jpegSegments(bytes: Buffer): number[] {
  const markers: number[] = []
  let offset = 2
  while (offset < bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1]
    markers.push(marker)
    if (marker === 0xda) break
    offset += 2 + bytes.readUInt16BE(offset + 2)
  }
  return markers
}

describe.each(dialects)('uploads on %s', (dialect) => {
  let t: TestApp
  let s: Awaited<ReturnType<typeof signInEveryRole>>

  beforeAll(async () => {
    t = await createTestApp(dialect, { auth: ephemeralAuthSettings({ devLogin: true }) })
    s = await signInEveryRole(t.app)
  }, 60_000) // demo staff passwords are hashed with scrypt: slow on a busy shared machine
  afterAll(() => t.close())

  const read = (id: string, session?: Session) =>
    t.app.inject({ method: 'GET', url: `/api/v1/uploads/${id}`, headers: session ? bearer(session) : {} })

  it('stores a JPEG without its EXIF (GPS) segment, pixels unchanged, and gives it back to the uploader', async () => {
    expect(PHOTO_WITH_GPS.includes(LOCATION_TEXT)).toBe(true)
    expect(jpegSegments(PHOTO_WITH_GPS)).toContain(0xe1)
    const res = await postUpload(t.app, s.citizenA, PHOTO_WITH_GPS)
    expect(res.statusCode).toBe(201)
    const upload = res.json()
    expect(upload).toMatchObject({ mime: 'image/jpeg' })
    const stored = await read(upload.id, s.citizenA)
    expect(stored.statusCode).toBe(200)
    expect(stored.headers['content-type']).toBe('image/jpeg')
    expect(stored.headers['cache-control']).toBe('private, no-store')
    const bytes = stored.rawPayload
    expect(bytes.length).toBe(upload.size)
    expect(bytes.includes(LOCATION_TEXT)).toBe(false)
    expect(jpegSegments(bytes)).not.toContain(0xe1)
    // Everything from the scan on is the same bytes.
    const scan = PHOTO_WITH_GPS.indexOf(Buffer.from([0xff, 0xda]))
    expect(bytes.subarray(bytes.indexOf(Buffer.from([0xff, 0xda])))).toEqual(PHOTO_WITH_GPS.subarray(scan))
  })

  it('takes the type from the bytes, not the name or the header: PNG (eXIf dropped), WebP and HEIC', async () => {
    const png = await postUpload(t.app, s.citizenA, pngWithExif(), { filename: 'x.jpg', contentType: 'image/jpeg' })
    expect(png.statusCode).toBe(201)
    expect(png.json().mime).toBe('image/png')
    expect((await read(png.json().id, s.citizenA)).rawPayload.includes(LOCATION_TEXT)).toBe(false)
    const webp = await postUpload(t.app, s.citizenA, WEBP, { filename: 'photo.bin', contentType: 'application/octet-stream' })
    expect(webp.json()).toMatchObject({ mime: 'image/webp' })
    const heic = await postUpload(t.app, s.grid1, HEIC_HEAD, { filename: 'IMG_0001.HEIC', contentType: 'image/heic' })
    expect(heic.json()).toMatchObject({ mime: 'image/heic' })
  })

  it('refuses an empty file, a file that is not an image, a broken JPEG (400) and one over the cap (413)', async () => {
    expectErrorBody(await postUpload(t.app, s.citizenA, Buffer.alloc(0)), 400, 'UPLOAD_EMPTY')
    expectErrorBody(await postUpload(t.app, s.citizenA, Buffer.from('%PDF-1.7 not a photo'), { filename: 'a.jpg' }), 400, 'UPLOAD_NOT_IMAGE')
    expectErrorBody(await postUpload(t.app, s.citizenA, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x40, 0x00, 1, 2])), 400, 'UPLOAD_NOT_IMAGE')
    const huge = Buffer.concat([PHOTO_WITH_GPS, Buffer.alloc(UPLOAD_MAX_BYTES)])
    const tooLarge = expectErrorBody(await postUpload(t.app, s.citizenA, huge), 413, 'UPLOAD_TOO_LARGE')
    expect(tooLarge.error.details.maxBytes).toBe(UPLOAD_MAX_BYTES)
  })

  it('answers a request without a file part or not multipart with a 4xx, never a 500', async () => {
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/uploads', headers: bearer(s.citizenA), payload: { file: 'x' } })
    expect([400, 415]).toContain(json.statusCode)
    const boundary = 'b0undary'
    const noFile = await t.app.inject({
      method: 'POST', url: '/api/v1/uploads',
      headers: { ...bearer(s.citizenA), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
    })
    expectErrorBody(noFile, 400, 'VALIDATION_FAILED')
  })

  it('is for citizens and grid workers only', async () => {
    expectErrorBody(await postUpload(t.app, null, PHOTO_WITH_GPS), 401, 'AUTH_REQUIRED')
    expectErrorBody(await postUpload(t.app, s.window1, PHOTO_WITH_GPS), 403, 'FORBIDDEN')
  })

  it('lets only the applicant, the grid worker who submitted and staff of the handling hall read materials', async () => {
    const applicant = await devSignIn(t.app, { phone: APPLICANT.phone })
    const application = await submitOnline(t.app, s.grid1)
    const id = application.materials[0].uploadId
    const matrix: Array<[string, Session | undefined, number]> = [
      ['anonymous', undefined, 401],
      ['grid worker who submitted', s.grid1, 200],
      ['applicant', applicant, 200],
      ['window staff of the handling hall', s.window1, 200],
      ['another citizen', s.citizenB, 404],
      ['another grid worker', s.grid2, 404],
      ['admin', s.admin, 404],
    ]
    for (const [who, session, status] of matrix) {
      expect({ who, status: (await read(id, session)).statusCode }).toEqual({ who, status })
    }
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'application.material.read').execute()
    expect(audit).toHaveLength(1)
    expect(audit[0].actor_id).toBe(s.window1.user.id)
    expectErrorBody(await read('no-such-upload', s.grid1), 404, 'UPLOAD_NOT_FOUND')
  })

  it('keeps an upload not yet attached to its uploader', async () => {
    const res = await postUpload(t.app, s.citizenA, PHOTO_WITH_GPS)
    expect((await read(res.json().id, s.citizenA)).statusCode).toBe(200)
    expect((await read(res.json().id, s.window1)).statusCode).toBe(404)
    expect((await read(res.json().id, s.citizenB)).statusCode).toBe(404)
  })
})

import { http, HttpResponse } from 'msw'
import type { ApplicationSubmitBody } from '../src/domain/contract'

const API = '*/api/v1'

/**
 * A stand-in for the uploads and applications endpoints whose network fails on purpose: off altogether, or a
 * request lost on the way there, or the answer lost on the way back after the server acted (the case that makes
 * naive clients submit twice). Submitting honours Idempotency-Key as the real server does.
 */
export function flakyDoorServer(options: { random: () => number; lossRate: number }) {
  const state = {
    online: true,
    lossRate: options.lossRate,
    uploads: new Map<string, string>(),
    applications: [] as Array<{ no: string; key: string; body: ApplicationSubmitBody }>,
    answered: new Map<string, { no: string; bodyJson: string }>(),
    requests: 0,
  }
  const drop = () => !state.online || options.random() < state.lossRate
  let sequence = 0

  const handlers = [
    http.post(`${API}/uploads`, async ({ request }) => {
      state.requests += 1
      if (drop()) return HttpResponse.error()
      const file = (await request.formData()).get('file') as File
      const id = `u${(sequence += 1)}`
      state.uploads.set(id, await file.text())
      if (drop()) return HttpResponse.error()
      return HttpResponse.json({ id, size: file.size, mime: 'image/jpeg' }, { status: 201 })
    }),
    http.post(`${API}/applications`, async ({ request }) => {
      state.requests += 1
      if (drop()) return HttpResponse.error()
      const key = request.headers.get('idempotency-key') ?? ''
      const bodyJson = await request.text()
      const body = JSON.parse(bodyJson) as ApplicationSubmitBody
      const earlier = state.answered.get(key)
      let no: string
      if (earlier) {
        if (earlier.bodyJson !== bodyJson) {
          return HttpResponse.json({ error: { code: 'IDEMPOTENCY_KEY_REUSED', message: 'reused' } }, { status: 409 })
        }
        no = earlier.no
      } else {
        const unknown = [...body.materials, body.consent?.signatureUploadId ?? ''].find((id) => !state.uploads.has(id))
        if (unknown) return HttpResponse.json({ error: { code: 'UPLOAD_NOT_FOUND', message: 'gone' } }, { status: 400 })
        no = `A${String(state.applications.length + 1).padStart(5, '0')}`
        state.applications.push({ no, key, body })
        state.answered.set(key, { no, bodyJson })
      }
      if (drop()) return HttpResponse.error()
      return HttpResponse.json({ no, status: 'submitted' }, { status: 201 })
    }),
  ]
  return { handlers, state }
}

// Runs the app's own door-application outbox (src/stores/doorOutbox.ts) in the browser with the browser's real
// IndexedDB and network, against the real server, so an e2e test can put it through many cycles quickly while the
// test switches the network off and on and reloads the page. Bundled by tests/e2e/support/harness.ts.
import { createDoorOutbox, type DoorApi } from '@/stores/doorOutbox'
import { IndexedDbDraftStorage } from '@/platform/draftStorage.h5'
import { ApiError } from '@/api/apiError'
import type { DoorDraft } from '@/domain/doorDraft'

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null
  if (!response.ok) throw new ApiError(body?.error?.code ?? 'INTERNAL_ERROR', body?.error?.message ?? String(response.status), response.status)
  return body as T
}

function fetchApi(token: string): DoorApi {
  const authorization = `Bearer ${token}`
  return {
    async upload(photo) {
      const form = new FormData()
      form.append('file', photo.blob as Blob, 'photo.jpg')
      return answer(await fetch('/api/v1/uploads', { method: 'POST', body: form, headers: { authorization } }))
    },
    async submit(body, idempotencyKey) {
      return answer(
        await fetch('/api/v1/applications', {
          method: 'POST',
          body: JSON.stringify(body),
          headers: { authorization, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        }),
      )
    },
  }
}

const MATERIALS = ['居民身份证', '居民户口簿', '本人银行账户信息']
let outbox: ReturnType<typeof createDoorOutbox> | null = null
const storage = new IndexedDbDraftStorage('banshi-grid-chaos')

const harness = {
  async open(token: string) {
    outbox = createDoorOutbox({ storage, api: fetchApi(token), currentUserId: () => 'chaos-worker', schedule: () => () => undefined })
    await outbox.getState().load()
  },
  /** Makes a finished draft with three photos and a signature, and hands it to the outbox. */
  async addDraft(n: number, resident: { id: string; name: string; idNumber: string; phone: string }, jpegBase64: string) {
    const bytes = Uint8Array.from(atob(jpegBase64), (c) => c.charCodeAt(0))
    const keep = () => storage.keepPhoto({ path: '', size: bytes.length, blob: new Blob([bytes], { type: 'image/jpeg' }) })
    const photos = []
    for (const material of MATERIALS) {
      const kept = await keep()
      photos.push({ material, localRef: kept.localRef, size: kept.size, uploadId: null })
    }
    const signature = await keep()
    const now = new Date(Date.UTC(2026, 10, 25, 2, 0, 0, n)).toISOString()
    const draft: DoorDraft = {
      id: `chaos-${n}-${Math.random().toString(36).slice(2, 10)}`,
      residentId: resident.id,
      residentName: resident.name,
      itemCode: '020200010000',
      itemName: '高龄老人津贴申领',
      applicant: { name: resident.name, idNumber: resident.idNumber, phone: resident.phone },
      photos,
      signature: { material: 'signature', localRef: signature.localRef, size: signature.size, uploadId: null },
      attestation: true,
      // The same resident over and over: after the first, the item counts as applied for.
      eligibilityOverride: '端到端测试:重复申请',
      status: 'editing',
      lastError: null,
      attempts: 0,
      applicationNo: null,
      createdAt: now,
      updatedAt: now,
    }
    await outbox!.getState().save(draft)
    await outbox!.getState().queue(draft.id)
  },
  /** The worker presses send on everything not yet sent (drafts whose press was lost with a reload included). */
  async sendAll() {
    for (const draft of outbox!.getState().drafts) {
      if (draft.status === 'editing') await outbox!.getState().retry(draft.id)
    }
    await outbox!.getState().sync()
  },
  summary() {
    return outbox!.getState().drafts.map((draft) => ({ id: draft.id, status: draft.status, no: draft.applicationNo, error: draft.lastError?.code ?? null }))
  },
}

;(window as unknown as { doorHarness: typeof harness }).doorHarness = harness

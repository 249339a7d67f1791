import { useRef, useState } from 'react'
import type { Material } from '@/domain/contract'
import { uploadMaterial } from '@/api/applications'
import { apiErrorOf } from '@/stores/resource'
import { t } from '@/i18n'
import { compressPhoto, pickPhoto, type LocalPhoto, type PhotoSource } from '@/platform/photos'
import '@/i18n/apply'

export type MaterialUpload =
  | { state: 'empty' }
  | { state: 'compressing'; photo: LocalPhoto }
  | { state: 'uploading'; photo: LocalPhoto; progress: number }
  | { state: 'done'; photo: LocalPhoto; uploadId: string }
  | { state: 'failed'; photo: LocalPhoto; message: string }

/**
 * One upload per material of the guide: pick (camera or album), compress on the device, send with progress, retry
 * the same compressed photo when sending fails.
 */
export function useMaterialUploads(materials: Material[]) {
  const [uploads, setUploads] = useState<Record<string, MaterialUpload>>({})
  // The latest attempt per material: an older, slower attempt must not overwrite a newer photo's state.
  const attempts = useRef<Record<string, number>>({})

  const put = (name: string, attempt: number, next: MaterialUpload) => {
    if (attempts.current[name] === attempt) setUploads((current) => ({ ...current, [name]: next }))
  }

  async function send(name: string, photo: LocalPhoto) {
    const attempt = (attempts.current[name] ?? 0) + 1
    attempts.current[name] = attempt
    put(name, attempt, { state: 'uploading', photo, progress: 0 })
    try {
      const upload = await uploadMaterial(photo, (progress) => put(name, attempt, { state: 'uploading', photo, progress }))
      put(name, attempt, { state: 'done', photo, uploadId: upload.id })
    } catch (error) {
      put(name, attempt, { state: 'failed', photo, message: apiErrorOf(error)?.message ?? t('apply.upload.failed') })
    }
  }

  async function choose(name: string, source: PhotoSource) {
    const picked = await pickPhoto(source)
    if (!picked) return
    const attempt = (attempts.current[name] ?? 0) + 1
    attempts.current[name] = attempt
    put(name, attempt, { state: 'compressing', photo: picked })
    let photo = picked
    try {
      photo = await compressPhoto(picked)
    } catch {
      // Compression is a saving, not a requirement: the server takes the original if it is within its limit.
    }
    await send(name, photo)
  }

  function retry(name: string) {
    const upload = uploads[name]
    if (upload && upload.state === 'failed') void send(name, upload.photo)
  }

  const byName = (name: string): MaterialUpload => uploads[name] ?? { state: 'empty' }
  const missingRequired = materials.filter((m) => m.required && byName(m.name).state !== 'done').map((m) => m.name)
  const done = materials.flatMap((m) => {
    const upload = byName(m.name)
    return upload.state === 'done' ? [{ name: m.name, uploadId: upload.uploadId }] : []
  })
  const busy = materials.some((m) => ['compressing', 'uploading'].includes(byName(m.name).state))
  return { byName, choose, retry, missingRequired, done, busy }
}

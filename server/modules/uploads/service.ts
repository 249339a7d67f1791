import { createHash, randomUUID } from 'node:crypto'
import type { Upload } from '../../../src/domain/contract'
import { AppError } from '../../errors'
import { recordAudit } from '../../audit'
import type { Principal } from '../../http/access'
import type { AuthDeps } from '../auth/sessions'
import type { BlobStorage } from '../../storage/blobStorage'
import { findUserById } from '../auth/repo'
import { sniffImageType, type ImageMime } from './imageFormat'
import { MalformedImageError, withoutMetadata } from './imageMetadata'
import * as repo from './repo'

export interface UploadDeps extends AuthDeps {
  blobs: BlobStorage
}

/** Checks, cleans and stores one photo of a material; the uploader owns it until it is attached to an application. */
export async function storeUpload(deps: UploadDeps, principal: Principal, bytes: Buffer): Promise<Upload> {
  if (bytes.length === 0) throw new AppError(400, 'UPLOAD_EMPTY')
  const mime = sniffImageType(bytes)
  if (!mime) throw new AppError(400, 'UPLOAD_NOT_IMAGE')
  let clean: Buffer
  try {
    clean = withoutMetadata(mime, bytes)
  } catch (error) {
    if (error instanceof MalformedImageError) throw new AppError(400, 'UPLOAD_NOT_IMAGE')
    throw error
  }
  const now = deps.clock.now()
  const id = randomUUID()
  // Grouped by month so one directory never holds millions of files.
  const storageKey = `${now.toISOString().slice(0, 7)}/${id}`
  await deps.blobs.put(storageKey, clean)
  await repo.insertUpload(deps.db, {
    id,
    owner_id: principal.userId,
    mime,
    size: clean.length,
    sha256: createHash('sha256').update(clean).digest('hex'),
    storage_key: storageKey,
    created_at: now.toISOString(),
  })
  return { id, size: clean.length, mime }
}

export interface UploadBytes {
  mime: ImageMime
  bytes: Buffer
}

/**
 * An upload's bytes for its uploader (the citizen, or the grid worker who photographed it), the applicant of the
 * application it belongs to, and window staff of the hall handling that application (audited). Anyone else is told
 * it does not exist, so upload ids cannot be probed.
 */
export async function readUpload(deps: UploadDeps, principal: Principal, id: string, ip: string): Promise<UploadBytes> {
  const upload = await repo.findUpload(deps.db, id)
  if (!upload) throw new AppError(404, 'UPLOAD_NOT_FOUND')
  const application = await repo.findUploadApplication(deps.db, id)
  let allowed = upload.owner_id === principal.userId
  let staffRead = false
  if (!allowed && application) {
    if (principal.role === 'window_staff' && principal.hallId === application.hall_id) {
      allowed = true
      staffRead = true
    } else if (principal.role === 'citizen') {
      const user = await findUserById(deps.db, principal.userId)
      allowed = Boolean(user?.phone_hash) && user?.phone_hash === application.applicant_phone_hash
    }
  }
  if (!allowed) throw new AppError(404, 'UPLOAD_NOT_FOUND')
  const bytes = await deps.blobs.get(upload.storage_key)
  if (!bytes) throw new AppError(404, 'UPLOAD_NOT_FOUND')
  if (staffRead) {
    await recordAudit(deps.db, deps.clock.now(), [
      { actor: principal, action: 'application.material.read', subjectId: application!.id, ip, detail: `upload ${id}` },
    ])
  }
  return { mime: upload.mime as ImageMime, bytes }
}

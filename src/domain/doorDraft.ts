import type { ApplicationSubmitBody } from './contract'

// An application a grid worker prepares at a resident's door, kept on the phone until the server has it. The sync
// order makes "exactly once" hold over any number of drops: photos first (each remembered as soon as the server
// has it), then the application under one Idempotency-Key for the draft's whole life, so a repeat after a lost
// answer returns the first application instead of making a second.

export interface DraftPhoto {
  /** Which guide material this is (or the consent). */
  material: string
  /** Where the photo is kept on the phone (a file path in WeChat, an IndexedDB key in the browser). */
  localRef: string
  size: number
  /** Set once the server has the photo. */
  uploadId: string | null
}

export type DraftStatus =
  /** Still being filled in. */
  | 'editing'
  /** Waiting for the network. */
  | 'queued'
  /** The server said no for a reason a person must look at (e.g. NOT_ELIGIBLE): kept until fixed or discarded. */
  | 'needs_attention'
  /** Done: the application exists. */
  | 'submitted'

export interface DoorDraft {
  /** Made on the phone; it is also the submit's Idempotency-Key. */
  id: string
  /**
   * The grid worker who made it: only they see and send it. A phone can be shared; the next worker signed in must
   * neither see another's residents nor send their drafts under their own name. Absent on drafts saved before this
   * field existed (belong to whoever signs in).
   */
  ownerId?: string
  residentId: string
  residentName: string
  itemCode: string
  itemName: string
  applicant: { name: string; idNumber: string; phone: string; address?: string }
  photos: DraftPhoto[]
  signature: DraftPhoto | null
  attestation: boolean
  eligibilityOverride: string | null
  status: DraftStatus
  /** Why the last try did not finish, in words for the worker. */
  lastError: { code: string; message: string } | null
  attempts: number
  applicationNo: string | null
  createdAt: string
  updatedAt: string
}

export type SyncStep =
  | { kind: 'upload'; photo: DraftPhoto; which: 'material' | 'signature'; index: number }
  | { kind: 'submit' }
  | { kind: 'done' }
  | { kind: 'wait' }

/** What to send next for a draft; nothing unless it is queued. */
export function nextSyncStep(draft: DoorDraft): SyncStep {
  if (draft.status === 'submitted') return { kind: 'done' }
  if (draft.status !== 'queued') return { kind: 'wait' }
  const index = draft.photos.findIndex((photo) => photo.uploadId === null)
  if (index >= 0) return { kind: 'upload', photo: draft.photos[index], which: 'material', index }
  if (draft.signature && draft.signature.uploadId === null) return { kind: 'upload', photo: draft.signature, which: 'signature', index: 0 }
  return { kind: 'submit' }
}

/** Why a draft cannot be queued yet; empty when it can. */
export function draftProblems(draft: DoorDraft, requiredMaterials: readonly string[]): string[] {
  const problems: string[] = []
  const photographed = new Set(draft.photos.map((photo) => photo.material))
  for (const material of requiredMaterials) if (!photographed.has(material)) problems.push(`missing:${material}`)
  if (!draft.signature) problems.push('signature')
  if (!draft.attestation) problems.push('attestation')
  return problems
}

/** The POST /applications body; only valid once every photo has an upload id. */
export function submitBodyOf(draft: DoorDraft): ApplicationSubmitBody {
  const uploadIds = draft.photos.map((photo) => photo.uploadId)
  if (uploadIds.some((id) => id === null) || !draft.signature?.uploadId) throw new Error('photos not all uploaded')
  return {
    itemCode: draft.itemCode,
    residentId: draft.residentId,
    applicant: draft.applicant,
    materials: uploadIds as string[],
    materialNames: draft.photos.map((photo) => photo.material),
    consent: { sensitive: true, attestation: draft.attestation, signatureUploadId: draft.signature.uploadId },
    ...(draft.eligibilityOverride ? { eligibilityOverride: { reason: draft.eligibilityOverride } } : {}),
  }
}

/** Server answers that mean "try the same thing later"; anything else needs a person. */
export function isTransient(code: string, status: number | null): boolean {
  if (status === null) return true
  if (status === 408 || status === 429 || status >= 500) return true
  return code === 'NETWORK_ERROR' || code === 'TIMEOUT' || code === 'SERVICE_UNAVAILABLE' || code === 'TOKEN_EXPIRED'
}

/** Wait before the next try: 2 s doubling to 5 min, with jitter so a hall's phones do not return together. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(300_000, 2000 * 2 ** Math.max(0, attempts - 1))
  return Math.round(base / 2 + (random() * base) / 2)
}

/** Whether the signed-in worker `userId` may see and send `draft`. */
export function belongsTo(draft: DoorDraft, userId: string | null): boolean {
  return userId !== null && (draft.ownerId === undefined || draft.ownerId === userId)
}

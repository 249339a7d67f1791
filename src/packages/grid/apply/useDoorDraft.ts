import { useEffect, useState } from 'react'
import type { DoorDraft, DraftPhoto } from '@/domain/doorDraft'
import { fetchResidentApplicant } from '@/api/grid'
import { newIdempotencyKey } from '@/api/idempotencyKey'
import { doorOutbox, useDoorOutbox } from '@/stores/doorOutboxInstance'
import { apiErrorOf } from '@/stores/resource'
import { draftStorage, StorageFullError } from '@/platform/draftStorage'
import type { LocalPhoto } from '@/platform/photoTypes'
import { useT } from '@/i18n/useT'
import '@/i18n/grid'

export type DraftTarget = { draftId: string } | { residentId: string; residentName: string; itemCode: string; itemName: string }

/**
 * The draft being filled in at the door, saved to the phone after every change: an existing one from the outbox,
 * or a new one prefilled from the register. Photos are copied into the draft's own storage as they are taken.
 */
export function useDoorDraft(target: DraftTarget | null) {
  const t = useT()
  const [draftId, setDraftId] = useState<string | null>('draftId' in (target ?? {}) ? (target as { draftId: string }).draftId : null)
  const [error, setError] = useState<string | null>(null)
  const draft = useDoorOutbox(doorOutbox, (state) => state.drafts.find((d) => d.id === draftId) ?? null)
  const loaded = useDoorOutbox(doorOutbox, (state) => state.loaded)

  useEffect(() => {
    void doorOutbox.getState().load()
  }, [])

  useEffect(() => {
    if (!target || 'draftId' in target || draftId) return
    let cancelled = false
    fetchResidentApplicant(target.residentId)
      .then(async (applicant) => {
        if (cancelled) return
        const now = new Date().toISOString()
        const fresh: DoorDraft = {
          id: newIdempotencyKey(),
          residentId: target.residentId,
          residentName: target.residentName,
          itemCode: target.itemCode,
          itemName: target.itemName,
          applicant: { name: applicant.name, idNumber: applicant.idNumber, phone: applicant.phone ?? '', address: applicant.address },
          photos: [],
          signature: null,
          attestation: false,
          eligibilityOverride: null,
          status: 'editing',
          lastError: null,
          attempts: 0,
          applicationNo: null,
          createdAt: now,
          updatedAt: now,
        }
        await doorOutbox.getState().save(fresh)
        setDraftId(fresh.id)
      })
      .catch((raw) => !cancelled && setError(apiErrorOf(raw)?.message ?? null))
    return () => {
      cancelled = true
    }
    // A new draft once per visit to the page, not again when the target object is rebuilt.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target && 'residentId' in target ? target.residentId : null, target && 'itemCode' in target ? target.itemCode : null])

  async function update(change: (current: DoorDraft) => DoorDraft) {
    const current = doorOutbox.getState().drafts.find((d) => d.id === draftId)
    if (current) await doorOutbox.getState().save(change(current))
  }

  /** Keeps a photo with the draft; answers false (with the reason shown) when the phone is out of space. */
  async function keep(photo: LocalPhoto, place: (kept: DraftPhoto, current: DoorDraft) => DoorDraft, material: string): Promise<boolean> {
    try {
      const kept = await draftStorage.keepPhoto(photo)
      const draftPhoto: DraftPhoto = { material, localRef: kept.localRef, size: kept.size, uploadId: null }
      await update((current) => place(draftPhoto, current))
      setError(null)
      return true
    } catch (raw) {
      setError(t(raw instanceof StorageFullError ? 'grid.storageFull' : 'grid.photoFailed'))
      return false
    }
  }

  async function keepMaterial(material: string, photo: LocalPhoto) {
    const before = draft?.photos.find((p) => p.material === material)
    const ok = await keep(photo, (kept, current) => ({ ...current, photos: [...current.photos.filter((p) => p.material !== material), kept] }), material)
    if (ok && before) await draftStorage.dropPhoto(before.localRef).catch(() => undefined)
  }

  async function keepSignature(photo: LocalPhoto) {
    const before = draft?.signature
    const ok = await keep(photo, (kept, current) => ({ ...current, signature: kept }), 'signature')
    if (ok && before) await draftStorage.dropPhoto(before.localRef).catch(() => undefined)
  }

  return { draft, loaded, error, update, keepMaterial, keepSignature }
}

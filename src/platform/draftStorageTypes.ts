import type { DoorDraft } from '../domain/doorDraft'
import type { LocalPhoto } from './photoTypes'

/** Drafts and their photos on the phone: they must outlive the app being killed and the phone restarting. */
export interface DraftStorage {
  listDrafts(): Promise<DoorDraft[]>
  putDraft(draft: DoorDraft): Promise<void>
  deleteDraft(id: string): Promise<void>
  /** Keeps a copy of the photo; throws StorageFullError when the phone is out of space. */
  keepPhoto(photo: LocalPhoto): Promise<{ localRef: string; size: number }>
  /** The kept photo, ready to show or send; throws PhotoMissingError when it is gone (e.g. storage was cleared). */
  readPhoto(localRef: string): Promise<LocalPhoto>
  dropPhoto(localRef: string): Promise<void>
}

export class StorageFullError extends Error {
  constructor() {
    super('storage full')
    this.name = 'StorageFullError'
  }
}

export class PhotoMissingError extends Error {
  constructor(readonly localRef: string) {
    super(`photo ${localRef} is gone`)
    this.name = 'PhotoMissingError'
  }
}

export function newLocalRef(): string {
  return `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
}

import type { DoorDraft } from '../domain/doorDraft'
import type { LocalPhoto } from './photoTypes'
import { newLocalRef, PhotoMissingError, StorageFullError, type DraftStorage } from './draftStorageTypes'

export * from './draftStorageTypes'

// IndexedDB: photos as Blobs beside the drafts, in one database that survives reloads, closing the tab and
// restarting the phone (localStorage would hold neither the sizes nor the binary).
const DATABASE = 'banshi-grid'
const DRAFTS = 'drafts'
const PHOTOS = 'photos'

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

function isQuotaError(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === 'QuotaExceededError'
}

export class IndexedDbDraftStorage implements DraftStorage {
  private opened: Promise<IDBDatabase> | null = null

  constructor(private readonly name = DATABASE) {}

  private db(): Promise<IDBDatabase> {
    this.opened ??= new Promise((resolve, reject) => {
      const open = indexedDB.open(this.name, 1)
      open.onupgradeneeded = () => {
        open.result.createObjectStore(DRAFTS, { keyPath: 'id' })
        open.result.createObjectStore(PHOTOS)
      }
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    return this.opened
  }

  private async write(store: string, change: (objects: IDBObjectStore) => void): Promise<void> {
    const db = await this.db()
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(store, 'readwrite')
      change(tx.objectStore(store))
      tx.oncomplete = () => resolve()
      tx.onabort = () => reject(isQuotaError(tx.error) ? new StorageFullError() : tx.error)
      tx.onerror = () => reject(isQuotaError(tx.error) ? new StorageFullError() : tx.error)
    })
  }

  async listDrafts(): Promise<DoorDraft[]> {
    const db = await this.db()
    const drafts = await request(db.transaction(DRAFTS).objectStore(DRAFTS).getAll() as IDBRequest<DoorDraft[]>)
    return drafts.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  }

  putDraft(draft: DoorDraft): Promise<void> {
    return this.write(DRAFTS, (objects) => objects.put(draft))
  }

  deleteDraft(id: string): Promise<void> {
    return this.write(DRAFTS, (objects) => objects.delete(id))
  }

  async keepPhoto(photo: LocalPhoto): Promise<{ localRef: string; size: number }> {
    const blob = photo.blob ?? (await (await fetch(photo.path)).blob())
    const localRef = newLocalRef()
    await this.write(PHOTOS, (objects) => objects.put(blob, localRef))
    return { localRef, size: blob.size }
  }

  async readPhoto(localRef: string): Promise<LocalPhoto> {
    const db = await this.db()
    const blob = await request(db.transaction(PHOTOS).objectStore(PHOTOS).get(localRef) as IDBRequest<Blob | undefined>)
    if (!blob) throw new PhotoMissingError(localRef)
    const path = typeof URL.createObjectURL === 'function' ? URL.createObjectURL(blob) : ''
    return { path, size: blob.size, blob }
  }

  dropPhoto(localRef: string): Promise<void> {
    return this.write(PHOTOS, (objects) => objects.delete(localRef))
  }
}

export const draftStorage: DraftStorage = new IndexedDbDraftStorage()

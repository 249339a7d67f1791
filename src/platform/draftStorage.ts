import Taro from '@tarojs/taro'
import type { DoorDraft } from '../domain/doorDraft'
import { newLocalRef, PhotoMissingError, StorageFullError, type DraftStorage } from './draftStorageTypes'

export * from './draftStorageTypes'

// WeChat: drafts in the mini-program's storage (10 MB, kept until the mini-program is deleted), photos as files in
// the user data folder (saved temp files would be cleaned up by WeChat).
const DRAFTS_KEY = 'banshi.grid.drafts'

function isSpaceError(error: unknown): boolean {
  return /exceed|storage|limit|space/i.test(String((error as { errMsg?: string } | null)?.errMsg ?? error))
}

function readAll(): Record<string, DoorDraft> {
  const raw: unknown = Taro.getStorageSync(DRAFTS_KEY)
  if (typeof raw !== 'string' || raw === '') return {}
  try {
    return JSON.parse(raw) as Record<string, DoorDraft>
  } catch {
    return {}
  }
}

function writeAll(drafts: Record<string, DoorDraft>): void {
  try {
    Taro.setStorageSync(DRAFTS_KEY, JSON.stringify(drafts))
  } catch (error) {
    throw isSpaceError(error) ? new StorageFullError() : error
  }
}

const photoPath = (localRef: string) => `${Taro.env.USER_DATA_PATH}/grid-${localRef}.jpg`

export const draftStorage: DraftStorage = {
  async listDrafts() {
    return Object.values(readAll()).sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  },
  async putDraft(draft) {
    writeAll({ ...readAll(), [draft.id]: draft })
  },
  async deleteDraft(id) {
    const drafts = readAll()
    delete drafts[id]
    writeAll(drafts)
  },
  keepPhoto(photo) {
    const localRef = newLocalRef()
    return new Promise((resolve, reject) => {
      Taro.getFileSystemManager().copyFile({
        srcPath: photo.path,
        destPath: photoPath(localRef),
        success: () => resolve({ localRef, size: photo.size }),
        fail: (error) => reject(isSpaceError(error) ? new StorageFullError() : new Error(error.errMsg)),
      })
    })
  },
  readPhoto(localRef) {
    return new Promise((resolve, reject) => {
      Taro.getFileSystemManager().stat({
        path: photoPath(localRef),
        success: (result) => {
          const stats = result.stats as { size?: number }
          resolve({ path: photoPath(localRef), size: stats.size ?? 0 })
        },
        fail: () => reject(new PhotoMissingError(localRef)),
      })
    })
  },
  dropPhoto(localRef) {
    return new Promise((resolve) => {
      Taro.getFileSystemManager().unlink({ filePath: photoPath(localRef), complete: () => resolve() })
    })
  },
}

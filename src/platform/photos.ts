// Mini-program: choose, compress and upload a material photo with wx APIs (chooseMedia, compressImage, uploadFile).
import Taro from '@tarojs/taro'
import { UPLOAD_TARGET_BYTES, UPLOAD_TARGET_EDGE_PX } from '@/domain/limits'
import { scaledSize } from '@/domain/photoSize'
import type { LocalPhoto, PhotoSource, SendAnswer } from './photoTypes'

export type { LocalPhoto, PhotoSource, SendAnswer } from './photoTypes'

/** null when the person cancels. */
export async function pickPhoto(source: PhotoSource): Promise<LocalPhoto | null> {
  try {
    const result = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: [source], sizeType: ['compressed'] })
    const file = result.tempFiles[0]
    return file ? { path: file.tempFilePath, size: file.size } : null
  } catch {
    return null
  }
}

function fileSize(path: string): Promise<number> {
  return new Promise((resolve) => {
    Taro.getFileSystemManager().getFileInfo({ filePath: path, success: (info) => resolve(info.size), fail: () => resolve(Number.POSITIVE_INFINITY) })
  })
}

/**
 * At most 1600 px on the long edge and 500 KB: compressImage re-encodes as JPEG (dropping EXIF on the way), lowering
 * the quality step by step until the file fits.
 */
export async function compressPhoto(photo: LocalPhoto): Promise<LocalPhoto> {
  const info = await Taro.getImageInfo({ src: photo.path })
  const size = scaledSize(info.width, info.height, UPLOAD_TARGET_EDGE_PX)
  let best = photo
  for (const quality of [80, 65, 50, 35]) {
    const result = await Taro.compressImage({ src: photo.path, quality, compressedWidth: size.width, compressHeight: size.height } as Taro.compressImage.Option)
    const bytes = await fileSize(result.tempFilePath)
    best = { path: result.tempFilePath, size: bytes, width: size.width, height: size.height }
    if (bytes <= UPLOAD_TARGET_BYTES) break
  }
  return best
}

/** `headers`: the bearer token and the language the answer's messages should be in. */
export function sendPhoto(url: string, headers: Record<string, string>, photo: LocalPhoto, onProgress: (fraction: number) => void): Promise<SendAnswer> {
  return new Promise((resolve) => {
    const task = Taro.uploadFile({
      url,
      filePath: photo.path,
      name: 'file',
      header: headers,
      success: (result) => {
        let body: unknown = null
        try {
          body = JSON.parse(result.data)
        } catch {
          body = null
        }
        resolve({ status: result.statusCode, body })
      },
      fail: () => resolve({ status: 0, body: null }),
    })
    task.progress((update) => onProgress(update.progress / 100))
  })
}

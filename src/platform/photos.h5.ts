// H5: choose with the browser's file picker (camera or album), compress on a canvas, upload with progress over XHR.
import Taro from '@tarojs/taro'
import { UPLOAD_TARGET_BYTES, UPLOAD_TARGET_EDGE_PX } from '@/domain/limits'
import { scaledSize } from '@/domain/photoSize'
import type { LocalPhoto, PhotoSource, SendAnswer } from './photoTypes'

export type { LocalPhoto, PhotoSource, SendAnswer } from './photoTypes'

export async function pickPhoto(source: PhotoSource): Promise<LocalPhoto | null> {
  try {
    const result = await Taro.chooseImage({ count: 1, sourceType: [source], sizeType: ['original'] })
    const file = result.tempFiles[0] as { path: string; size: number; originalFileObj?: File }
    if (!file) return null
    return { path: file.path, size: file.size, blob: file.originalFileObj }
  } catch {
    return null
  }
}

function loadImage(blob: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image()
    image.onload = () => resolve(image)
    image.onerror = () => reject(new Error('not an image the browser can read'))
    image.src = URL.createObjectURL(blob)
  })
}

function toJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas export failed'))), 'image/jpeg', quality))
}

/**
 * Redraws the photo on a canvas at most 1600 px on its long edge and exports JPEG, lowering the quality until it
 * is at most 500 KB. Redrawing also leaves EXIF (location) behind. A photo the browser cannot decode (HEIC in
 * most browsers) is sent as it is; the server checks and cleans it.
 */
export async function compressPhoto(photo: LocalPhoto): Promise<LocalPhoto> {
  const source = photo.blob ?? (await (await fetch(photo.path)).blob())
  let image: HTMLImageElement
  try {
    image = await loadImage(source)
  } catch {
    return { ...photo, blob: source }
  }
  const size = scaledSize(image.naturalWidth, image.naturalHeight, UPLOAD_TARGET_EDGE_PX)
  let canvas = document.createElement('canvas')
  canvas.width = size.width
  canvas.height = size.height
  canvas.getContext('2d')!.drawImage(image, 0, 0, size.width, size.height)
  URL.revokeObjectURL(image.src)
  let blob = await toJpeg(canvas, 0.82)
  for (const quality of [0.7, 0.58, 0.46, 0.35]) {
    if (blob.size <= UPLOAD_TARGET_BYTES) break
    blob = await toJpeg(canvas, quality)
  }
  // Still too big at low quality (a huge, detailed page): shrink the canvas until it fits.
  while (blob.size > UPLOAD_TARGET_BYTES && canvas.width > 400) {
    const smaller = document.createElement('canvas')
    smaller.width = Math.round(canvas.width * 0.8)
    smaller.height = Math.round(canvas.height * 0.8)
    smaller.getContext('2d')!.drawImage(canvas, 0, 0, smaller.width, smaller.height)
    canvas = smaller
    blob = await toJpeg(canvas, 0.6)
  }
  return { path: URL.createObjectURL(blob), size: blob.size, width: canvas.width, height: canvas.height, blob }
}

/** `headers`: the bearer token and the language the answer's messages should be in. */
export function sendPhoto(url: string, headers: Record<string, string>, photo: LocalPhoto, onProgress: (fraction: number) => void): Promise<SendAnswer> {
  return new Promise((resolve) => {
    const form = new FormData()
    form.append('file', photo.blob!, 'photo.jpg')
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total)
    }
    xhr.onload = () => {
      let body: unknown = null
      try {
        body = JSON.parse(xhr.responseText)
      } catch {
        body = null
      }
      resolve({ status: xhr.status, body })
    }
    xhr.onerror = () => resolve({ status: 0, body: null })
    xhr.ontimeout = () => resolve({ status: 0, body: null })
    xhr.timeout = 60_000
    xhr.send(form)
  })
}

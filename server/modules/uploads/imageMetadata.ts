// Strips metadata that can say where and with what a photo was taken (EXIF incl. GPS, XMP, IPTC) before a photo of
// someone's ID card or household register is stored. Pixels are left untouched, byte for byte.
import type { ImageMime } from './imageFormat'

export class MalformedImageError extends Error {
  constructor(what: string) {
    super(`malformed image: ${what}`)
    this.name = 'MalformedImageError'
  }
}

// APP1 holds EXIF (with the GPS IFD) and XMP; APP13 holds Photoshop/IPTC records, which can carry places too.
const JPEG_DROPPED_MARKERS = new Set([0xe1, 0xed])
const JPEG_SOS = 0xda
const JPEG_EOI = 0xd9

/** Copies a JPEG segment by segment, leaving out APP1/APP13; everything from the scan (SOS) on is copied as is. */
export function stripJpegMetadata(bytes: Buffer): Buffer {
  const kept: Buffer[] = [bytes.subarray(0, 2)]
  let offset = 2
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) throw new MalformedImageError('JPEG segment does not start with 0xFF')
    const marker = bytes[offset + 1]
    if (marker === 0xff) {
      offset += 1 // fill byte
      continue
    }
    if (marker === JPEG_EOI || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      kept.push(bytes.subarray(offset, offset + 2))
      offset += 2
      if (marker === JPEG_EOI) break
      continue
    }
    if (offset + 4 > bytes.length) throw new MalformedImageError('JPEG segment header cut short')
    const length = bytes.readUInt16BE(offset + 2)
    const end = offset + 2 + length
    if (length < 2 || end > bytes.length) throw new MalformedImageError('JPEG segment longer than the file')
    if (marker === JPEG_SOS) {
      kept.push(bytes.subarray(offset))
      return Buffer.concat(kept)
    }
    if (!JPEG_DROPPED_MARKERS.has(marker)) kept.push(bytes.subarray(offset, end))
    offset = end
  }
  return Buffer.concat(kept)
}

const PNG_DROPPED_CHUNKS = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt'])

/** PNG: drops the eXIf chunk and text chunks (XMP travels in iTXt). */
export function stripPngMetadata(bytes: Buffer): Buffer {
  const kept: Buffer[] = [bytes.subarray(0, 8)]
  let offset = 8
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) throw new MalformedImageError('PNG chunk cut short')
    const length = bytes.readUInt32BE(offset)
    const type = bytes.subarray(offset + 4, offset + 8).toString('latin1')
    const end = offset + 12 + length
    if (end > bytes.length) throw new MalformedImageError('PNG chunk longer than the file')
    if (!PNG_DROPPED_CHUNKS.has(type)) kept.push(bytes.subarray(offset, end))
    offset = end
    if (type === 'IEND') break
  }
  return Buffer.concat(kept)
}

const VP8X_EXIF_FLAG = 0x08
const VP8X_XMP_FLAG = 0x04

/** WebP: drops the EXIF and XMP chunks, clears their flags in VP8X, and rewrites the RIFF size. */
export function stripWebpMetadata(bytes: Buffer): Buffer {
  const kept: Buffer[] = []
  let offset = 12
  while (offset < bytes.length) {
    if (offset + 8 > bytes.length) throw new MalformedImageError('WebP chunk cut short')
    const type = bytes.subarray(offset, offset + 4).toString('latin1')
    const size = bytes.readUInt32LE(offset + 4)
    const end = offset + 8 + size + (size % 2) // chunks are padded to an even size
    if (end > bytes.length + 1) throw new MalformedImageError('WebP chunk longer than the file')
    const chunk = Buffer.from(bytes.subarray(offset, Math.min(end, bytes.length)))
    if (type === 'VP8X' && chunk.length > 8) chunk[8] &= ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG)
    if (type !== 'EXIF' && type !== 'XMP ') kept.push(chunk)
    offset = end
  }
  const body = Buffer.concat(kept)
  const header = Buffer.alloc(12)
  header.write('RIFF', 0, 'latin1')
  header.writeUInt32LE(body.length + 4, 4)
  header.write('WEBP', 8, 'latin1')
  return Buffer.concat([header, body])
}

/**
 * The bytes to store. HEIC is kept as uploaded: its metadata sits in an item table that cannot be dropped without
 * rewriting offsets; the apps send JPEG (their compression re-encodes), so HEIC arrives only from other clients.
 */
export function withoutMetadata(mime: ImageMime, bytes: Buffer): Buffer {
  if (mime === 'image/jpeg') return stripJpegMetadata(bytes)
  if (mime === 'image/png') return stripPngMetadata(bytes)
  if (mime === 'image/webp') return stripWebpMetadata(bytes)
  return bytes
}

import { useMemo } from 'react'
import { encodeQr, qrSvgPath } from '@/domain/qrCode'
import type { QrImageProps } from './qrImageProps'

const QUIET_ZONE = 4

/** H5: an inline SVG, sharp at any zoom and on any screen, drawn from the shared encoder. */
export default function QrImage({ text, size, label, className }: QrImageProps) {
  const matrix = useMemo(() => encodeQr(text), [text])
  const side = matrix.size + 2 * QUIET_ZONE
  return (
    <svg className={className} role='img' aria-label={label} width={size} height={size} viewBox={`0 0 ${side} ${side}`} shapeRendering='crispEdges'>
      <rect width={side} height={side} fill='#fff' />
      <path d={qrSvgPath(matrix, QUIET_ZONE)} fill='#000' />
    </svg>
  )
}

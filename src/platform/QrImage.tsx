import Taro from '@tarojs/taro'
import { Canvas, View } from '@tarojs/components'
import { useEffect, useMemo, useRef } from 'react'
import { encodeQr } from '@/domain/qrCode'
import { a11y } from './a11y'
import type { QrImageProps } from './qrImageProps'

const QUIET_ZONE = 4
let canvases = 0

/** Mini-program: a 2D canvas, drawn once it is laid out (WeChat has no SVG in pages). */
export default function QrImage({ text, size, label, className }: QrImageProps) {
  const matrix = useMemo(() => encodeQr(text), [text])
  const id = useRef(`qr-canvas-${(canvases += 1)}`).current

  useEffect(() => {
    let cancelled = false
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((result) => {
          const canvas = result?.[0]?.node as (HTMLCanvasElement & { width: number; height: number }) | undefined
          if (!canvas || cancelled) return
          const ratio = Taro.getSystemInfoSync().pixelRatio || 2
          canvas.width = size * ratio
          canvas.height = size * ratio
          const context = canvas.getContext('2d')
          if (!context) return
          const side = matrix.size + 2 * QUIET_ZONE
          const scale = (size * ratio) / side
          context.fillStyle = '#ffffff'
          context.fillRect(0, 0, canvas.width, canvas.height)
          context.fillStyle = '#000000'
          matrix.dark.forEach((row, r) =>
            row.forEach((dark, c) => {
              // Whole device pixels per module edge would blur less, but overlap by a hair avoids hairline gaps.
              if (dark) context.fillRect((c + QUIET_ZONE) * scale, (r + QUIET_ZONE) * scale, Math.ceil(scale), Math.ceil(scale))
            }),
          )
        })
    })
    return () => {
      cancelled = true
    }
  }, [id, matrix, size])

  return (
    <View className={className} {...a11y({ role: 'img', label })}>
      <Canvas type='2d' id={id} style={{ width: `${size}px`, height: `${size}px` }} />
    </View>
  )
}

import Taro from '@tarojs/taro'
import { Canvas, View } from '@tarojs/components'
import { useEffect, useRef } from 'react'
import ActionButton from '@/components/ActionButton'
import { a11y } from './a11y'
import type { SignaturePadProps } from './signaturePadProps'

interface Canvas2D {
  width: number
  height: number
  getContext(kind: '2d'): CanvasRenderingContext2D
}

const CANVAS_ID = 'signature-pad'

/** WeChat: a type="2d" canvas drawn with touches, exported to a temp file. */
export default function SignaturePad({ label, clearText, doneText, onDone }: SignaturePadProps) {
  const canvas = useRef<Canvas2D | null>(null)
  const context = useRef<CanvasRenderingContext2D | null>(null)
  const drawn = useRef(false)

  useEffect(() => {
    Taro.createSelectorQuery()
      .select(`#${CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((result: Array<{ node: Canvas2D; width: number; height: number } | null>) => {
        const found = result[0]
        if (!found) return
        const ratio = Taro.getWindowInfo?.().pixelRatio ?? 2
        found.node.width = found.width * ratio
        found.node.height = found.height * ratio
        const ctx = found.node.getContext('2d')
        ctx.scale(ratio, ratio)
        ctx.lineWidth = 3
        ctx.lineCap = 'round'
        ctx.lineJoin = 'round'
        ctx.strokeStyle = '#111'
        canvas.current = found.node
        context.current = ctx
      })
  }, [])

  type Touching = { touches: Array<{ x: number; y: number }> }
  const start = (event: unknown) => {
    const touch = (event as Touching).touches[0]
    context.current?.beginPath()
    context.current?.moveTo(touch.x, touch.y)
  }
  const move = (event: unknown) => {
    const touch = (event as Touching).touches[0]
    context.current?.lineTo(touch.x, touch.y)
    context.current?.stroke()
    drawn.current = true
  }

  function clear() {
    if (canvas.current) context.current?.clearRect(0, 0, canvas.current.width, canvas.current.height)
    drawn.current = false
  }

  function done() {
    if (!canvas.current || !drawn.current) return onDone(null)
    Taro.canvasToTempFilePath({ canvas: canvas.current as never, fileType: 'png' } as never)
      .then((result) => onDone({ path: result.tempFilePath, size: 0 }))
      .catch(() => onDone(null))
  }

  return (
    <View>
      <Canvas type='2d' id={CANVAS_ID} className='signature__pad' disableScroll onTouchStart={start} onTouchMove={move} {...a11y({ role: 'img', label })} />
      <View className='signature__actions'>
        <ActionButton block primary={false} onPress={clear}>
          {clearText}
        </ActionButton>
        <ActionButton block onPress={done}>
          {doneText}
        </ActionButton>
      </View>
    </View>
  )
}

import { useEffect, useRef } from 'react'
import ActionButton from '@/components/ActionButton'
import type { SignaturePadProps } from './signaturePadProps'

/** H5: a canvas that follows a finger, stylus or mouse (pointer events), exported as PNG. */
export default function SignaturePad({ label, clearText, doneText, onDone }: SignaturePadProps) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null)
  const drawn = useRef(false)

  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas) return
    const ratio = window.devicePixelRatio || 1
    canvas.width = canvas.clientWidth * ratio
    canvas.height = canvas.clientHeight * ratio
    const context = canvas.getContext('2d')
    if (!context) return
    context.scale(ratio, ratio)
    context.lineWidth = 3
    context.lineCap = 'round'
    context.lineJoin = 'round'
    context.strokeStyle = '#111'
    let drawing = false
    const point = (event: PointerEvent) => {
      const box = canvas.getBoundingClientRect()
      return { x: event.clientX - box.left, y: event.clientY - box.top }
    }
    const down = (event: PointerEvent) => {
      drawing = true
      const { x, y } = point(event)
      context.beginPath()
      context.moveTo(x, y)
    }
    const move = (event: PointerEvent) => {
      if (!drawing) return
      const { x, y } = point(event)
      context.lineTo(x, y)
      context.stroke()
      drawn.current = true
    }
    const up = () => {
      drawing = false
    }
    canvas.addEventListener('pointerdown', down)
    canvas.addEventListener('pointermove', move)
    canvas.addEventListener('pointerup', up)
    canvas.addEventListener('pointercancel', up)
    return () => {
      canvas.removeEventListener('pointerdown', down)
      canvas.removeEventListener('pointermove', move)
      canvas.removeEventListener('pointerup', up)
      canvas.removeEventListener('pointercancel', up)
    }
  }, [])

  function clear() {
    const canvas = canvasRef.current
    canvas?.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height)
    drawn.current = false
  }

  function done() {
    const canvas = canvasRef.current
    if (!canvas || !drawn.current) return onDone(null)
    canvas.toBlob((blob) => onDone(blob ? { path: URL.createObjectURL(blob), size: blob.size, blob } : null), 'image/png')
  }

  return (
    <div>
      <canvas ref={canvasRef} className='signature__pad' role='img' aria-label={label} />
      <div className='signature__actions'>
        <ActionButton block primary={false} onPress={clear}>
          {clearText}
        </ActionButton>
        <ActionButton block onPress={done}>
          {doneText}
        </ActionButton>
      </div>
    </div>
  )
}

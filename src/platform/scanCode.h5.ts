import type { ScanLabels, ScanResult } from './scanTypes'

export type { ScanLabels, ScanResult } from './scanTypes'

interface DetectedBarcode {
  rawValue: string
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike

const SCAN_INTERVAL_MS = 250

function detectorClass(): BarcodeDetectorConstructor | null {
  const candidate = (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector
  return typeof candidate === 'function' ? candidate : null
}

/** Browsers with the Barcode Detection API and a camera; elsewhere the page asks for the code on the poster. */
export function canScanQrCode(): boolean {
  return !!detectorClass() && typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia
}

/** A full-screen camera view over the page; closes on a code, on 取消, or when the camera cannot start. */
function overlay(labels: ScanLabels) {
  const root = document.createElement('div')
  root.setAttribute('role', 'dialog')
  root.setAttribute('aria-modal', 'true')
  root.setAttribute('aria-label', labels.title)
  root.style.cssText = 'position:fixed;inset:0;z-index:1000;background:#000;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:16px'
  const title = document.createElement('p')
  title.textContent = labels.title
  title.style.cssText = 'color:#fff;font-size:18px;margin:0 16px;text-align:center'
  const video = document.createElement('video')
  video.setAttribute('playsinline', 'true')
  video.muted = true
  video.style.cssText = 'width:min(90vw,480px);max-height:60vh;background:#222'
  const cancel = document.createElement('button')
  cancel.type = 'button'
  cancel.textContent = labels.cancel
  cancel.style.cssText = 'font-size:18px;min-height:48px;padding:0 32px;border-radius:8px;border:0'
  root.append(title, video, cancel)
  document.body.appendChild(root)
  cancel.focus()
  return { root, video, cancel }
}

export async function scanQrCode(labels: ScanLabels): Promise<ScanResult> {
  const Detector = detectorClass()
  if (!Detector || !canScanQrCode()) return { ok: false, reason: 'unavailable' }
  let stream: MediaStream
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
  } catch {
    return { ok: false, reason: 'unavailable' }
  }
  const detector = new Detector({ formats: ['qr_code'] })
  const view = overlay(labels)
  view.video.srcObject = stream
  await view.video.play().catch(() => undefined)

  return new Promise<ScanResult>((resolve) => {
    let finished = false
    const finish = (result: ScanResult) => {
      if (finished) return
      finished = true
      clearInterval(timer)
      stream.getTracks().forEach((track) => track.stop())
      view.root.remove()
      resolve(result)
    }
    view.cancel.addEventListener('click', () => finish({ ok: false, reason: 'cancelled' }))
    const timer = setInterval(() => {
      detector
        .detect(view.video)
        .then((codes) => {
          if (codes[0]?.rawValue) finish({ ok: true, text: codes[0].rawValue })
        })
        .catch(() => undefined)
    }, SCAN_INTERVAL_MS)
  })
}

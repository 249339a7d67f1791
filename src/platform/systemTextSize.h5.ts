import type { SystemTextSize } from '@/domain/textSize'

/**
 * The browser's default text size (Chrome's font size setting; on iOS the Dynamic Type body size). The page's own
 * root size is set by the app for layout, so measure a fresh element at `medium` / `-apple-system-body` instead.
 */
export function readSystemTextSize(): SystemTextSize {
  try {
    const probe = document.createElement('div')
    probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium'
    probe.style.setProperty('font', '-apple-system-body')
    document.body.appendChild(probe)
    const size = Number.parseFloat(getComputedStyle(probe).fontSize)
    probe.remove()
    return { fontSizePx: Number.isFinite(size) ? size : null }
  } catch {
    return {}
  }
}

// WeChat's standard text size is 17 px; its 关怀模式 (care mode) sets about 23.8 px, and the two largest steps below
// it 21–22 px. From about 1.28× the standard we treat the person as wanting large text and offer 长辈版 switched on.
const STANDARD_TEXT_PX = 17
const LARGE_TEXT_FACTOR = 1.28

export interface SystemTextSize {
  /** The text size the person chose in WeChat or the browser, in CSS px. */
  fontSizePx?: number | null
  /** WeChat's own scale factor against 17 px, when it reports one. */
  scaleFactor?: number | null
}

export function prefersLargeText({ fontSizePx, scaleFactor }: SystemTextSize): boolean {
  const factor = scaleFactor ?? (fontSizePx ? fontSizePx / STANDARD_TEXT_PX : null)
  return factor !== null && Number.isFinite(factor) && factor >= LARGE_TEXT_FACTOR
}

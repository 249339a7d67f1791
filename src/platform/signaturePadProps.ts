import type { LocalPhoto } from './photoTypes'

export interface SignaturePadProps {
  /** Accessible name of the drawing area. */
  label: string
  clearText: string
  doneText: string
  /** The drawn signature as an image, when the person taps done (null: nothing was drawn). */
  onDone(signature: LocalPhoto | null): void
}

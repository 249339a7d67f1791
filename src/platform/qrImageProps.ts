export interface QrImageProps {
  /** The text to encode (the appointment code). */
  text: string
  /** Width and height in CSS px (H5) or px (mini-program). */
  size: number
  /** Accessible name: what the code is for, and the code itself. */
  label: string
  className?: string
}

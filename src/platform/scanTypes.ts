export type ScanResult =
  | { ok: true; text: string }
  /** cancelled: the person closed the scanner; unavailable: no camera, no permission or no QR support. */
  | { ok: false; reason: 'cancelled' | 'unavailable' }

/** Words the H5 camera overlay shows (the mini-program's scanner has its own). */
export interface ScanLabels {
  title: string
  cancel: string
}

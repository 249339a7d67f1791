/** A photo on the device, ready to show and to send. */
export interface LocalPhoto {
  /** Shows it in an <Image> (a temp file path in the mini-program, an object URL in H5). */
  path: string
  size: number
  width?: number
  height?: number
  /** H5 only: the bytes. */
  blob?: Blob
}

export interface SendAnswer {
  /** 0 when no answer came (no network). */
  status: number
  body: unknown
}

export type PhotoSource = 'camera' | 'album'

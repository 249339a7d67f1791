/** What the live feed needs from a socket, the same in the mini-program and in browsers. */
export interface LiveSocketHandlers {
  onOpen(): void
  onMessage(text: string): void
  /** Closed by the server, by the network or after an error: the feed decides whether to try again. */
  onClose(): void
}

export interface LiveSocket {
  send(text: string): void
  close(): void
}

export type OpenLiveSocket = (url: string, handlers: LiveSocketHandlers) => LiveSocket

/**
 * A frame's text, whether it came as text or as bytes (a server may send its JSON as a binary frame; WeChat hands
 * those over as an ArrayBuffer and has no TextDecoder on every base library, hence the small UTF-8 reader).
 */
export function frameText(data: unknown): string | null {
  if (typeof data === 'string') return data
  // By its tag, not instanceof: a buffer made in another realm (a worker, a test's jsdom) is still a buffer.
  if (Object.prototype.toString.call(data) !== '[object ArrayBuffer]') return null
  const bytes = new Uint8Array(data as ArrayBuffer)
  if (typeof TextDecoder !== 'undefined') return new TextDecoder('utf-8').decode(bytes)
  let text = ''
  for (let i = 0; i < bytes.length; ) {
    const first = bytes[i]
    const length = first < 0x80 ? 1 : first < 0xe0 ? 2 : first < 0xf0 ? 3 : 4
    let code = length === 1 ? first : first & (0xff >> (length + 1))
    for (let k = 1; k < length; k += 1) code = (code << 6) | (bytes[i + k] & 0x3f)
    text += String.fromCodePoint(code)
    i += length
  }
  return text
}

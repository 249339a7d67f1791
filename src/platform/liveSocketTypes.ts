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

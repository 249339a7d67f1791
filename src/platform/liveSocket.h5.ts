import { frameText, type LiveSocket, type LiveSocketHandlers } from './liveSocketTypes'

export type { LiveSocket, LiveSocketHandlers, OpenLiveSocket } from './liveSocketTypes'

/** The socket address for an API address: same host, ws(s) instead of http(s); relative ones from this page. */
function socketUrl(url: string): string {
  const absolute = new URL(url, window.location.href)
  absolute.protocol = absolute.protocol === 'https:' ? 'wss:' : 'ws:'
  return absolute.toString()
}

/** Browsers: the standard WebSocket. onClose is reported once whatever ends the socket (an error, then a close). */
export function openLiveSocket(url: string, handlers: LiveSocketHandlers): LiveSocket {
  let reported = false
  const reportClose = () => {
    if (reported) return
    reported = true
    handlers.onClose()
  }
  let socket: WebSocket
  try {
    socket = new WebSocket(socketUrl(url))
  } catch {
    // A malformed address or a blocked scheme: report it like a failed connection, on the next turn.
    setTimeout(reportClose, 0)
    return { send() {}, close() { reported = true } }
  }
  // Binary frames as ArrayBuffer (not Blob), so they can be read at once, in order with text frames.
  socket.binaryType = 'arraybuffer'
  socket.onopen = () => handlers.onOpen()
  socket.onmessage = (event) => {
    const text = frameText(event.data)
    if (text !== null) handlers.onMessage(text)
  }
  socket.onerror = () => reportClose()
  socket.onclose = () => reportClose()
  return {
    send(text) {
      if (socket.readyState === WebSocket.OPEN) socket.send(text)
    },
    close() {
      reported = true
      socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null
      if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN) socket.close()
    },
  }
}

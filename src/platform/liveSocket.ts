import Taro from '@tarojs/taro'
import { frameText, type LiveSocket, type LiveSocketHandlers } from './liveSocketTypes'

export type { LiveSocket, LiveSocketHandlers, OpenLiveSocket } from './liveSocketTypes'

/**
 * Mini-program: wx.connectSocket. The task arrives asynchronously, so a close asked for before it exists is
 * remembered and carried out as soon as it does; onClose is reported once whatever ends the socket.
 */
export function openLiveSocket(url: string, handlers: LiveSocketHandlers): LiveSocket {
  let task: Taro.SocketTask | null = null
  let closed = false
  let reported = false
  const reportClose = () => {
    if (reported) return
    reported = true
    handlers.onClose()
  }
  // The API's https:// address becomes the socket's wss:// one (the mini-program only opens sockets to wss).
  Taro.connectSocket({ url: url.replace(/^http(s?):\/\//, 'ws$1://') })
    .then((opened) => {
      task = opened
      if (closed) {
        opened.close({})
        return
      }
      opened.onOpen(() => handlers.onOpen())
      opened.onMessage((message) => {
        const text = frameText(message.data)
        if (text !== null) handlers.onMessage(text)
      })
      opened.onError(() => reportClose())
      opened.onClose(() => reportClose())
    })
    .catch(() => reportClose())
  return {
    send(text) {
      task?.send({ data: text })
    },
    close() {
      closed = true
      reported = true
      task?.close({})
    },
  }
}

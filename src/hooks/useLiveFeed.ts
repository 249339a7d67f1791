import { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { createLiveFeed, type LiveFeed, type LiveFeedListener, type LiveMode, type LiveTarget } from '@/api/live'
import { onDocumentVisibility } from '@/platform/pageVisibility'

/**
 * Follows a hall or a ticket live while the page is in sight, and not at all while it is hidden (another page on
 * top, the app in the background, the browser tab switched away). Null follows nothing (not known yet).
 */
export function useLiveFeed(target: LiveTarget | null, listener: LiveFeedListener): LiveMode {
  const latest = useRef(listener)
  latest.current = listener
  const feed = useRef<LiveFeed | null>(null)
  const hidden = useRef({ page: false, document: false })
  const [mode, setMode] = useState<LiveMode>('connecting')
  const key = !target ? '' : 'hall' in target ? `hall:${target.hall}` : `ticket:${target.ticket}`

  useEffect(() => {
    if (!target) return undefined
    const started = createLiveFeed(target, {
      onSnapshot: (snapshot) => latest.current.onSnapshot?.(snapshot),
      onTicket: (ticket) => latest.current.onTicket?.(ticket),
      onFatal: (error) => latest.current.onFatal?.(error),
      onMode: (next) => {
        setMode(next)
        latest.current.onMode?.(next)
      },
    })
    feed.current = started
    started.start()
    if (hidden.current.page || hidden.current.document) started.pause()
    return () => {
      started.stop()
      feed.current = null
    }
    // The target is compared by its key: a new object for the same hall must not reconnect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])

  const apply = () => {
    if (hidden.current.page || hidden.current.document) feed.current?.pause()
    else feed.current?.resume()
  }
  useDidHide(() => {
    hidden.current.page = true
    apply()
  })
  useDidShow(() => {
    hidden.current.page = false
    apply()
  })
  useEffect(
    () =>
      onDocumentVisibility((visible) => {
        hidden.current.document = !visible
        apply()
      }),
    [],
  )
  return mode
}

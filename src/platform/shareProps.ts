import type { ReactNode } from 'react'

export interface ShareButtonProps {
  /** One line saying what is shared (also the WeChat card's title, set by the page's useShareAppMessage). */
  title: string
  /** The app path the shared link opens. */
  path: string
  /** Accessible name of the button. */
  label: string
  className?: string
  /** H5: told how it went (shared, link copied, or nothing could be done). */
  onDone?(outcome: 'shared' | 'copied' | 'failed'): void
  children: ReactNode
}

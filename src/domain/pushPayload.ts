// Web Push: what the server sends to a browser and where tapping the notification leads. The service worker
// (src/pwa/push-sw.js) reads exactly this; keep the two in step (tests/unit/domain/pushPayload.test.ts runs both).

/** The JSON body of a Web Push message, already written in the recipient's language. */
export interface WebPushPayload {
  title: string
  body: string
  /** Replaces an earlier notification with the same tag (e.g. "3 away" by "called" for one ticket). */
  tag: string
  /** Mini-program page path with query, e.g. `pages/ticket/index?id=t1` (RenderedNotice.path). */
  path: string
  /** BCP 47 language of the text: zh-CN or en. */
  lang: string
}

// Only the app's own pages: a push message must never send anyone to another site or run a script.
const APP_PAGE = /^\/?((?:pages|packages)\/[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*)(\?[^#\s]*)?$/

/**
 * The H5 address of a mini-program page path. The H5 router runs in browser mode with the same page paths
 * (config/index.ts), so `pages/ticket/index?id=t1` is `/pages/ticket/index?id=t1`; anything else opens the home page.
 */
export function h5UrlOfPagePath(path: unknown): string {
  if (typeof path !== 'string') return '/'
  const match = APP_PAGE.exec(path.trim())
  return match ? `/${match[1]}${match[2] ?? ''}` : '/'
}

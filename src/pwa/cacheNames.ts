// Cache names shared by the service worker's build config (config/pwa.ts) and the app (src/platform), so sign-out
// clears exactly what the worker fills.
export const CACHE_NAMES = {
  /** Public guides, topics and halls: kept so guides already viewed open offline. */
  guides: 'banshi-guides-v1',
  /** Live figures (queues): short-lived, network first. */
  live: 'banshi-live-v1',
}

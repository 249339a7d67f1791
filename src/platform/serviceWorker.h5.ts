import { CACHE_NAMES } from '../pwa/cacheNames'

const enabled = typeof BANSHI_SERVICE_WORKER !== 'undefined' && BANSHI_SERVICE_WORKER

// The dialog code is fetched only when an update is waiting, not on every first load.
const askLazily = (apply: () => void) => {
  import('./updatePrompt').then(({ askToApplyUpdate }) => askToApplyUpdate(apply)).catch(() => undefined)
}

/**
 * Registers sw.js (production builds only). A new version installs in the background and then waits: the person
 * is asked before the page reloads, so nobody loses a half-filled form to an update.
 */
export function startOfflineSupport(onUpdateReady: (apply: () => void) => void = askLazily): void {
  if (!enabled || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return
  const container = navigator.serviceWorker
  let reloading = false
  const offer = (waiting: ServiceWorker) =>
    onUpdateReady(() => {
      container.addEventListener('controllerchange', () => {
        if (reloading) return
        reloading = true
        window.location.reload()
      })
      waiting.postMessage({ type: 'SKIP_WAITING' })
    })

  const register = () =>
    container
      // The push handling sw.js imports (push-sw.js) has a fixed name and an hour of HTTP caching: update checks
      // must fetch it fresh, or a changed one waits for that hour.
      .register('/sw.js', { updateViaCache: 'none' })
      .then((registration) => {
        // A version that finished installing while the app was closed.
        if (registration.waiting && container.controller) offer(registration.waiting)
        registration.addEventListener('updatefound', () => {
          const installing = registration.installing
          installing?.addEventListener('statechange', () => {
            // With no controller this is the first install, not an update: nothing to ask.
            if (installing.state === 'installed' && container.controller) offer(installing)
          })
        })
      })
      .catch(() => {
        // No offline support (private mode, unsupported browser): the app works online as before.
      })
  // After the first paint: installing precaches the whole app, which must not compete with the first load.
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })
}

/** Sign-out: drop cached live data; personal data is never cached by the worker in the first place. */
export async function clearSessionCaches(): Promise<void> {
  if (typeof caches === 'undefined') return
  await caches.delete(CACHE_NAMES.live).catch(() => false)
}

/** Whether there is a page listing what still works offline (the guides this device kept). */
export const hasOfflinePage = enabled

export function openOfflinePage(): void {
  window.location.assign('/offline.html')
}

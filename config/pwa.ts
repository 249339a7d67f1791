import { GenerateSW } from 'workbox-webpack-plugin'

export { GenerateSW }
import { CACHE_NAMES } from '../src/pwa/cacheNames'

const DAY_S = 24 * 60 * 60

/** The H5 build only: manifest, icons and the offline page, copied next to index.html. */
export const pwaCopyPatterns = [
  { from: 'src/pwa/manifest.webmanifest', to: 'dist/h5/manifest.webmanifest' },
  { from: 'src/pwa/offline.html', to: 'dist/h5/offline.html' },
  { from: 'src/pwa/icons', to: 'dist/h5/pwa' },
  // Push notifications and their taps, pulled into sw.js with importScripts (below).
  { from: 'src/pwa/push-sw.js', to: 'dist/h5/push-sw.js' },
]

/**
 * The service worker (Workbox GenerateSW), for production H5 builds:
 * - the app shell and every hashed asset are precached (hashed names never change content: cache-first);
 * - public guide data is stale-while-revalidate, so a guide opened once opens again offline;
 * - live queue figures are network-first with a short timeout (a stale number is worse than a late one);
 * - anything personal (sign-in, my data, staff, bookings, applications, uploads) is never cached;
 * - a new version waits until the person agrees to reload (the app asks; see src/platform/serviceWorker.h5.ts).
 * - push messages become notifications, and a tap opens their page (src/pwa/push-sw.js, imported into sw.js).
 */
export function serviceWorkerOptions(): ConstructorParameters<typeof GenerateSW>[0] {
  return {
    swDest: 'sw.js',
    importScripts: ['/push-sw.js'],
    clientsClaim: true,
    skipWaiting: false,
    cleanupOutdatedCaches: true,
    navigateFallback: '/index.html',
    navigateFallbackDenylist: [/^\/api\//, /^\/docs/, /^\/offline\.html$/],
    exclude: [/\.map$/, /\.LICENSE\.txt$/, /\.(br|gz)$/, /mockServiceWorker\.js$/],
    maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
    runtimeCaching: [
      {
        urlPattern: ({ url, sameOrigin }) =>
          sameOrigin && /^\/api\/v1\/(auth|me|staff|admin|appointments|applications|tickets|uploads|evaluations|grid)(\/|$)/.test(url.pathname),
        handler: 'NetworkOnly',
      },
      {
        urlPattern: ({ url, sameOrigin }) => sameOrigin && /^\/api\/v1\/halls\/[^/]+\/queue$/.test(url.pathname),
        handler: 'NetworkFirst',
        options: {
          cacheName: CACHE_NAMES.live,
          networkTimeoutSeconds: 3,
          expiration: { maxEntries: 30, maxAgeSeconds: 10 * 60 },
          cacheableResponse: { statuses: [200] },
        },
      },
      {
        urlPattern: ({ url, sameOrigin }) => sameOrigin && /^\/api\/v1\/(items|topics|departments|halls)(\/|$)/.test(url.pathname),
        handler: 'StaleWhileRevalidate',
        options: {
          cacheName: CACHE_NAMES.guides,
          expiration: { maxEntries: 300, maxAgeSeconds: 30 * DAY_S },
          cacheableResponse: { statuses: [200] },
        },
      },
    ],
  }
}

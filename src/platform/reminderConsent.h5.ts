import type { WechatTemplateKey } from '@/domain/notices'
import { cachedNotificationConfig, loadNotificationConfig, savePushSubscription } from '@/api/notifications'
import type { AskOptions, BrowserPushState, ConsentResult, DeviceReminderChannel } from './reminderConsentTypes'

export type { ConsentResult } from './reminderConsentTypes'

export const deviceReminderChannel: DeviceReminderChannel = 'webpush'

// Push needs the service worker, which only production builds register (in development msw owns the page).
const serviceWorkerBuild = () => typeof BANSHI_SERVICE_WORKER !== 'undefined' && BANSHI_SERVICE_WORKER

/** Asked once per session: someone who closed the prompt while taking a ticket is not asked again at booking. */
let refusedThisSession = false
/** The endpoint the server already has from this session, so a tap does not send it again. */
let savedEndpoint: string | null = null

const quietly = (outcome: ConsentResult['outcome']): Promise<ConsentResult> => Promise.resolve({ outcome })

/** Safari on iOS offers PushManager only to the app installed on the home screen, so this covers both cases. */
function pushSupported(): boolean {
  return serviceWorkerBuild() && typeof window !== 'undefined' && 'Notification' in window && 'PushManager' in window && 'serviceWorker' in navigator
}

/**
 * Fetches the VAPID key ahead of the first tap (the permission prompt cannot wait for the network). At launch that
 * waits until the page has loaded: nothing on screen needs it, and a request started before the first paint
 * competes with the page's own on a slow network.
 */
export function prepareReminderConsent(): void {
  if (!pushSupported()) return
  if (document.readyState === 'complete') void loadNotificationConfig()
  else window.addEventListener('load', () => void loadNotificationConfig(), { once: true })
}

export async function browserPushState(): Promise<BrowserPushState> {
  if (!pushSupported()) return 'unsupported'
  if (Notification.permission === 'denied') return 'blocked'
  if (Notification.permission !== 'granted') return 'off'
  return (await thisBrowserPushEndpoint().catch(() => null)) ? 'on' : 'off'
}

/** base64url (the VAPID key as servers publish it) → the bytes PushManager.subscribe wants. */
function bytesOfBase64Url(text: string): ArrayBuffer {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4))
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index)
  return bytes.buffer
}

// Older Safari answers through a callback and returns nothing.
function requestPermission(): Promise<NotificationPermission> {
  return new Promise((resolve, reject) => {
    const answer = Notification.requestPermission(resolve)
    if (answer) answer.then(resolve, reject)
  })
}

async function registration(): Promise<ServiceWorkerRegistration | null> {
  // serviceWorker.ready never settles on a page without a registered worker: look before waiting on it.
  if (!(await navigator.serviceWorker.getRegistration())) return null
  return navigator.serviceWorker.ready
}

function madeWithOtherKey(subscription: PushSubscription, key: ArrayBuffer): boolean {
  const used = subscription.options?.applicationServerKey
  if (!used) return false
  const a = new Uint8Array(used)
  const b = new Uint8Array(key)
  return a.length !== b.length || a.some((byte, index) => byte !== b[index])
}

async function subscribeThisBrowser(vapidKey: string): Promise<ConsentResult> {
  const worker = await registration()
  if (!worker) return { outcome: 'unavailable' }
  const key = bytesOfBase64Url(vapidKey)
  let subscription = await worker.pushManager.getSubscription()
  // Made with a server key that has since been regenerated: the server could not send to it any more.
  if (subscription && madeWithOtherKey(subscription, key)) {
    await subscription.unsubscribe()
    subscription = null
  }
  if (subscription && subscription.endpoint === savedEndpoint) return { outcome: 'subscribed' }
  subscription ??= await worker.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key })
  const body = subscription.toJSON() as { endpoint: string; keys: { p256dh: string; auth: string } }
  await savePushSubscription(body)
  savedEndpoint = body.endpoint
  return { outcome: 'subscribed' }
}

/**
 * Asks the browser for permission to notify and subscribes it to Web Push. Must be called synchronously from a tap:
 * Safari and Firefox show the prompt only in a user gesture. Templates do not matter here: one subscription carries
 * every kind of reminder.
 */
export function askForReminders(_templates: WechatTemplateKey[], options: AskOptions = {}): Promise<ConsentResult> {
  try {
    if (!pushSupported()) return quietly('unavailable')
    // A refusal in the browser is permanent until the person changes the site settings; the browser remembers it.
    if (Notification.permission === 'denied') return quietly('blocked')
    if (Notification.permission === 'default' && refusedThisSession && !options.again) return quietly('not-asked')
    const vapidKey = cachedNotificationConfig()?.vapidPublicKey
    if (!vapidKey) {
      prepareReminderConsent()
      return quietly('unavailable')
    }
    const permission = Notification.permission === 'granted' ? Promise.resolve<NotificationPermission>('granted') : requestPermission()
    return permission
      .then((answer): Promise<ConsentResult> | ConsentResult => {
        if (answer === 'granted') return subscribeThisBrowser(vapidKey)
        refusedThisSession = true
        return { outcome: answer === 'denied' ? 'blocked' : 'declined' }
      })
      .catch(() => ({ outcome: 'unavailable' as const }))
  } catch {
    return quietly('unavailable')
  }
}

/** This browser's subscription endpoint, if it has one (to tell the server to forget it at sign-out). */
export async function thisBrowserPushEndpoint(): Promise<string | null> {
  if (!pushSupported()) return null
  const worker = await navigator.serviceWorker.getRegistration()
  return (await worker?.pushManager.getSubscription())?.endpoint ?? null
}

/** Ends this browser's subscription at the push service: the next person on a shared phone gets nothing of ours. */
export async function dropThisBrowserPush(): Promise<void> {
  savedEndpoint = null
  refusedThisSession = false
  if (!pushSupported()) return
  const worker = await navigator.serviceWorker.getRegistration()
  await (await worker?.pushManager.getSubscription())?.unsubscribe()
}

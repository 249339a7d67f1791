import type { NotificationConfig, NotificationGrantsBody, NotificationSettingsPatch, NotificationStatus, PushSubscriptionBody } from '@/domain/contract'
import { http } from './http'

export async function fetchNotificationConfig(signal?: AbortSignal): Promise<NotificationConfig> {
  return (await http.get<NotificationConfig>('/notifications/config', { signal })).data
}

let config: NotificationConfig | null = null
let loadingConfig: Promise<NotificationConfig | null> | null = null

/**
 * The consent prompts must open synchronously inside the tap (WeChat and browsers both insist on a user gesture),
 * so the template ids and the VAPID key have to be on the phone before the tap: this is what the tap reads.
 */
export function cachedNotificationConfig(): NotificationConfig | null {
  return config
}

/** Loads the config once (shared by concurrent callers); null when it could not be had, tried again next time. */
export function loadNotificationConfig(): Promise<NotificationConfig | null> {
  if (config) return Promise.resolve(config)
  loadingConfig ??= fetchNotificationConfig()
    .then((loaded) => (config = loaded))
    .catch(() => null)
    .finally(() => {
      loadingConfig = null
    })
  return loadingConfig
}

/** For tests: the next read goes to the network again. */
export function forgetNotificationConfig(): void {
  config = null
  loadingConfig = null
}

export async function sendNotificationGrants(body: NotificationGrantsBody): Promise<void> {
  await http.post('/me/notification-grants', body)
}

export async function savePushSubscription(subscription: PushSubscriptionBody): Promise<void> {
  await http.put('/me/push-subscriptions', subscription)
}

export async function removePushSubscription(endpoint: string): Promise<void> {
  await http.delete('/me/push-subscriptions', { data: { endpoint } })
}

export async function fetchNotificationStatus(signal?: AbortSignal): Promise<NotificationStatus> {
  return (await http.get<NotificationStatus>('/me/notification-settings', { signal })).data
}

export async function updateNotificationSettings(patch: NotificationSettingsPatch): Promise<NotificationStatus> {
  return (await http.put<NotificationStatus>('/me/notification-settings', patch)).data
}

import { create } from 'zustand'
import type { NotificationSettingsPatch, NotificationStatus } from '@/domain/contract'
import * as notificationsApi from '@/api/notifications'
import { currentLanguage, onLanguageChange, type Language } from '@/i18n'
import { dropThisBrowserPush, prepareReminderConsent, thisBrowserPushEndpoint } from '@/platform/reminderConsent'
import { beforeSigningOut, onSignedOut, useSessionStore } from './session'
import { fetchInto, idle, ready, type Resource } from './resource'

interface NotificationsState {
  /** My reminder switches and which channels can reach me now (我的 → 提醒). */
  status: Resource<NotificationStatus>
  load(options?: { refresh?: boolean }): Promise<void>
  /** Saves a switch; throws when the server did not take it (the screen says so and keeps the old value). */
  update(patch: NotificationSettingsPatch): Promise<void>
}

export const useNotificationsStore = create<NotificationsState>()((set, get) => ({
  status: idle as Resource<NotificationStatus>,
  async load(options = {}) {
    await fetchInto(get().status, (status) => set({ status }), () => notificationsApi.fetchNotificationStatus(), options.refresh)
    // Signed in on a phone set to another language than the server last heard of: messages follow the app.
    const settings = get().status.data?.settings
    if (settings && settings.locale !== noticeLocaleOf(currentLanguage())) void sendLocale(currentLanguage())
  },
  async update(patch) {
    set({ status: ready(await notificationsApi.updateNotificationSettings(patch)) })
  },
}))

export const noticeLocaleOf = (language: Language) => (language === 'en' ? 'en' : 'zh-CN')

async function sendLocale(language: Language): Promise<void> {
  if (!useSessionStore.getState().user) return
  try {
    await useNotificationsStore.getState().update({ locale: noticeLocaleOf(language) })
  } catch {
    // Offline: the next visit to 我的 sends it again (load compares the two).
  }
}

let started = false

/**
 * Wires reminders into the app once, at launch: the consent prompts get their config ahead of the first tap,
 * reminders follow the app's language, and signing out ends this browser's push subscription.
 */
export function startReminders(): void {
  if (started) return
  started = true
  prepareReminderConsent()
  onLanguageChange((language) => void sendLocale(language))
  // While the session is still valid, so the server may delete the subscription it belongs to.
  beforeSigningOut(async () => {
    const endpoint = await thisBrowserPushEndpoint()
    if (endpoint) await notificationsApi.removePushSubscription(endpoint)
  })
  // Every way of being signed out (also an expired session, where the server cannot be told): the push service
  // drops the subscription, so the next person on a shared phone never sees the previous one's reminders.
  onSignedOut(() => {
    useNotificationsStore.setState({ status: idle as Resource<NotificationStatus> })
    void dropThisBrowserPush().catch(() => undefined)
  })
}

// Reminders wired into the app: messages follow the app's language, and signing out ends this browser's push.
import { act } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { server } from '../../../mock/node'
import { mockNotifications } from '../../../mock/handlers/notifications'
import { loadNotificationConfig } from '@/api/notifications'
import { askForReminders, dropThisBrowserPush } from '@/platform/reminderConsent'
import { startReminders, useNotificationsStore } from '@/stores/notifications'
import { useSessionStore } from '@/stores/session'
import { useLanguageStore } from '@/stores/language'
import { installFakeBrowserPush, removeFakeBrowserPush, type FakeBrowser } from '../../support/fakeBrowserPush'

const API = 'http://banshi.test/api/v1'
const settle = async () => {
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setTimeout(resolve, 5))
}

let browser: FakeBrowser
beforeAll(() => startReminders())
beforeEach(async () => {
  browser = installFakeBrowserPush()
  await loadNotificationConfig()
})
afterEach(async () => {
  await dropThisBrowserPush()
  removeFakeBrowserPush()
})

describe('reminders follow the person', () => {
  it('writes messages in the language the app is switched to', async () => {
    await useSessionStore.getState().signInWithSms('13812345678', '123456')
    act(() => useLanguageStore.getState().choose('en'))
    await settle()
    expect(mockNotifications().settings.locale).toBe('en')
    act(() => useLanguageStore.getState().choose('zh'))
    await settle()
    expect(mockNotifications().settings.locale).toBe('zh-CN')
  })

  it('tells nobody about a language change while signed out', async () => {
    act(() => useLanguageStore.getState().choose('en'))
    await settle()
    expect(mockNotifications().settings.locale).toBe('zh-CN')
  })

  it('catches up on a language changed while offline when the settings are next loaded', async () => {
    await useSessionStore.getState().signInWithSms('13812345678', '123456')
    server.use(http.put(`${API}/me/notification-settings`, () => HttpResponse.error(), { once: true }))
    act(() => useLanguageStore.getState().choose('en'))
    await settle()
    expect(mockNotifications().settings.locale).toBe('zh-CN')
    await useNotificationsStore.getState().load({ refresh: true })
    await settle()
    expect(mockNotifications().settings.locale).toBe('en')
  })

  it('on sign-out, the server forgets this browser and the push service drops it', async () => {
    await useSessionStore.getState().signInWithSms('13812345678', '123456')
    await askForReminders(['queue'])
    const subscription = browser.pushManager.current!
    expect(mockNotifications().subscriptions.size).toBe(1)
    await useSessionStore.getState().signOut()
    await settle()
    expect(mockNotifications().subscriptions.size).toBe(0)
    expect(subscription.unsubscribe).toHaveBeenCalled()
    expect(useNotificationsStore.getState().status.status).toBe('idle')
  })

  it('signs out offline too: the server is not reached, the push service still drops this browser', async () => {
    await useSessionStore.getState().signInWithSms('13812345678', '123456')
    await askForReminders(['queue'])
    const subscription = browser.pushManager.current!
    server.use(http.delete(`${API}/me/push-subscriptions`, () => HttpResponse.error()))
    await useSessionStore.getState().signOut()
    await settle()
    expect(useSessionStore.getState().user).toBeNull()
    expect(subscription.unsubscribe).toHaveBeenCalled()
  })

  it('when the session ended elsewhere, the push service still drops this browser', async () => {
    await useSessionStore.getState().signInWithSms('13812345678', '123456')
    await askForReminders(['queue'])
    const subscription = browser.pushManager.current!
    // The refresh token was refused: signed out without a valid session to tell the server with.
    useSessionStore.setState({ refreshToken: 'revoked' })
    await useSessionStore.getState().refresh()
    await settle()
    expect(useSessionStore.getState().user).toBeNull()
    expect(subscription.unsubscribe).toHaveBeenCalled()
  })
})

import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { DeviceSession, Profile, ProfileUpdate, Session, User } from '@/domain/contract'
import * as authApi from '@/api/auth'
import * as meApi from '@/api/me'
import { ApiError } from '@/api/apiError'
import { setSessionHooks } from '@/api/http'
import { deviceStorage } from '@/platform/storage'
import { clearSessionCaches } from '@/platform/serviceWorker'
import { wechatLoginCode } from '@/platform/wechatLogin'
import { fetchInto, idle, ready, type Resource } from './resource'
import { useMyTicketsStore } from './myTickets'

interface SessionState {
  accessToken: string | null
  refreshToken: string | null
  user: User | null
  /** Why the person was signed out without asking (their sign-in expired or was revoked elsewhere). */
  signedOutBecause: string | null
  /** My own data in full: kept in memory only, never written to the device. */
  profile: Resource<Profile>
  devices: Resource<DeviceSession[]>

  sendSmsCode(phone: string): Promise<{ resendAfterS: number }>
  signInWithSms(phone: string, code: string): Promise<void>
  signInAsStaff(username: string, password: string): Promise<void>
  /** Mini-program only: silent sign-in with wx.login; false when it could not be done. */
  signInWithWechat(): Promise<boolean>
  /** Shared by every caller while one refresh is in flight: a refresh token works only once. */
  refresh(): Promise<boolean>
  signOut(): Promise<void>
  loadProfile(options?: { refresh?: boolean }): Promise<void>
  updateProfile(update: ProfileUpdate): Promise<Profile>
  loadDevices(options?: { refresh?: boolean }): Promise<void>
  signOutDevice(id: string): Promise<void>
  closeAccount(): Promise<void>
}

const signedOut = {
  accessToken: null,
  refreshToken: null,
  user: null,
  profile: idle as Resource<Profile>,
  devices: idle as Resource<DeviceSession[]>,
}

let refreshing: Promise<boolean> | null = null

const signOutListeners = new Set<() => void>()

const beforeSignOutTasks = new Set<() => Promise<void>>()
/** How long a sign-out waits for those tasks: offline, the device must still sign out at once. */
const BEFORE_SIGN_OUT_WAIT_MS = 3000

/**
 * Work that needs the session still valid when the person signs out on purpose (telling the server to forget this
 * browser's push subscription). Best effort: a failure or a slow network never keeps anyone signed in.
 */
export function beforeSigningOut(task: () => Promise<void>): () => void {
  beforeSignOutTasks.add(task)
  return () => beforeSignOutTasks.delete(task)
}

async function runBeforeSignOutTasks(): Promise<void> {
  if (beforeSignOutTasks.size === 0) return
  let timer: ReturnType<typeof setTimeout> | undefined
  const tasks = Promise.allSettled(Array.from(beforeSignOutTasks).map((task) => task()))
  await Promise.race([tasks, new Promise((resolve) => (timer = setTimeout(resolve, BEFORE_SIGN_OUT_WAIT_MS)))])
  clearTimeout(timer)
}

/** Stores holding one person's data register here, so the next person on the phone never sees it. */
export function onSignedOut(listener: () => void): () => void {
  signOutListeners.add(listener)
  return () => signOutListeners.delete(listener)
}

export const useSessionStore = create<SessionState>()(
  persist(
    (set, get) => {
      const adopt = (session: Session) =>
        set({
          accessToken: session.accessToken,
          refreshToken: session.refreshToken,
          user: session.user,
          signedOutBecause: null,
          profile: idle as Resource<Profile>,
          devices: idle as Resource<DeviceSession[]>,
        })
      const forget = (reason: string | null) => {
        set({ ...signedOut, signedOutBecause: reason })
        // Queue numbers belong to the person, not the phone: the next one to sign in must not see them.
        useMyTicketsStore.setState({ tickets: [] })
        void clearSessionCaches()
        signOutListeners.forEach((listener) => listener())
      }

      return {
        ...signedOut,
        signedOutBecause: null,

        sendSmsCode: (phone) => authApi.sendSmsCode(phone),
        async signInWithSms(phone, code) {
          adopt(await authApi.verifySmsCode(phone, code))
        },
        async signInAsStaff(username, password) {
          adopt(await authApi.staffSignIn(username, password))
        },
        async signInWithWechat() {
          const code = await wechatLoginCode()
          if (!code) return false
          try {
            adopt(await authApi.signInWithWechat(code))
            return true
          } catch {
            return false
          }
        },

        refresh() {
          refreshing ??= (async () => {
            const token = get().refreshToken
            if (!token) return false
            try {
              adopt(await authApi.refreshSession(token))
              return true
            } catch (error) {
              // Only a definite "no" signs the person out; a dropped connection keeps the session for later.
              if (error instanceof ApiError && error.status === 401) forget(error.message)
              return false
            }
          })().finally(() => {
            refreshing = null
          })
          return refreshing
        },

        async signOut() {
          try {
            if (get().accessToken) await runBeforeSignOutTasks()
            if (get().accessToken) await authApi.signOut()
          } catch {
            // Offline or already signed out: the device forgets the session either way.
          }
          forget(null)
        },

        loadProfile: (options = {}) =>
          fetchInto(get().profile, (profile) => set({ profile }), () => meApi.fetchProfile(), options.refresh),
        async updateProfile(update) {
          const profile = await meApi.updateProfile(update)
          set({ profile: ready(profile), user: profile.user })
          return profile
        },
        loadDevices: (options = {}) =>
          fetchInto(get().devices, (devices) => set({ devices }), () => meApi.fetchDevices(), options.refresh),
        async signOutDevice(id) {
          await meApi.signOutDevice(id)
          const remaining = get().devices.data?.filter((device) => device.id !== id)
          if (remaining) set({ devices: ready(remaining) })
        },
        async closeAccount() {
          await meApi.closeAccount()
          forget(null)
        },
      }
    },
    {
      name: 'banshi.session',
      version: 1,
      storage: createJSONStorage(() => deviceStorage),
      // Tokens and who is signed in survive a restart; the personal data itself is fetched when needed.
      partialize: (state) => ({ accessToken: state.accessToken, refreshToken: state.refreshToken, user: state.user }),
    },
  ),
)

setSessionHooks({
  accessToken: () => useSessionStore.getState().accessToken,
  refresh: () => useSessionStore.getState().refresh(),
})

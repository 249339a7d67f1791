import { currentLanguage } from '@/i18n'
import axios, { type AxiosRequestConfig } from 'axios'
import { taroAdapter } from './taroAdapter'
import { ApiError, toApiError } from './apiError'

declare module 'axios' {
  interface AxiosRequestConfig {
    /** Attempts already made; set by the retry interceptor. */
    attempt?: number
    /** Set once a request has been retried after refreshing the session, so it is never retried twice. */
    afterRefresh?: boolean
  }
}

/**
 * How requests learn about the signed-in session without this module importing the session store (which imports
 * the API): the store registers these when it loads.
 */
export interface SessionHooks {
  accessToken(): string | null
  /** Trades the refresh token for new tokens; resolves false when the person has to sign in again. */
  refresh(): Promise<boolean>
}

let sessionHooks: SessionHooks | null = null

export function setSessionHooks(hooks: SessionHooks | null): void {
  sessionHooks = hooks
}

/** For requests that cannot go through axios (file uploads use the platform's own uploader). */
export function currentAccessToken(): string | null {
  return sessionHooks?.accessToken() ?? null
}

// Sign-in calls never carry a token and never trigger a refresh: a 401 there is the answer itself.
const isAuthCall = (url: string | undefined) => !!url && /^\/?auth\/(wechat|sms|staff|refresh|dev)/.test(url)

const apiBase = typeof BANSHI_API_BASE === 'string' ? BANSHI_API_BASE : ''
/** The API's absolute or same-origin address for a path under /api/v1. */
export const apiUrl = (path: string) => `${apiBase}/api/v1${path}`
const RETRY_DELAYS_MS = [400, 1200]

export const http = axios.create({
  baseURL: `${apiBase}/api/v1`,
  timeout: 15_000,
  adapter: taroAdapter,
  headers: { Accept: 'application/json' },
})

// Error messages come back in the app's language (the one chosen in 我的), not the browser's.
http.interceptors.request.use((config) => {
  config.headers.set('Accept-Language', currentLanguage() === 'en' ? 'en' : 'zh-CN')
  return config
})

// Development only: requests wait until the mock service worker answers for the API. The constant is false in
// every real build, so this branch and the mock code are dropped from the bundle.
const mockWorkerReady: Promise<unknown> | null =
  process.env.TARO_ENV === 'h5' && typeof BANSHI_MOCK !== 'undefined' && BANSHI_MOCK
    ? import('../../mock/browser').then(({ worker }) => worker.start({ onUnhandledRequest: 'bypass', quiet: true }))
    : null

if (mockWorkerReady) {
  http.interceptors.request.use(async (config) => {
    await mockWorkerReady
    return config
  })
}

http.interceptors.request.use((config) => {
  const token = sessionHooks?.accessToken()
  if (token && !isAuthCall(config.url)) config.headers.set('Authorization', `Bearer ${token}`)
  return config
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Reads are retried on a flaky connection (one bar of signal in a hall corridor) before the user sees an error;
 * writes are never retried here, they carry idempotency keys and are retried by the user or the outbox.
 */
http.interceptors.response.use(undefined, async (raw) => {
  const error = toApiError(raw)
  const config = (raw as { config?: AxiosRequestConfig }).config
  const attempt = config?.attempt ?? 0
  const isRead = (config?.method ?? 'get').toLowerCase() === 'get'
  // An expired access token: refresh once (shared by every request that hit it) and send this request again.
  if (error instanceof ApiError && error.code === 'TOKEN_EXPIRED' && config && !config.afterRefresh && !isAuthCall(config.url) && sessionHooks) {
    if (await sessionHooks.refresh()) return http.request({ ...config, afterRefresh: true })
  }
  if (error instanceof ApiError && error.retryable && error.code !== 'RATE_LIMITED' && isRead && config && attempt < RETRY_DELAYS_MS.length) {
    await sleep(RETRY_DELAYS_MS[attempt])
    if (!config.signal?.aborted) return http.request({ ...config, attempt: attempt + 1 })
  }
  throw error
})

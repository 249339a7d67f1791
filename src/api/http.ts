import axios, { type AxiosRequestConfig } from 'axios'
import { taroAdapter } from './taroAdapter'
import { ApiError, toApiError } from './apiError'

declare module 'axios' {
  interface AxiosRequestConfig {
    /** Attempts already made; set by the retry interceptor. */
    attempt?: number
  }
}

const apiBase = typeof BANSHI_API_BASE === 'string' ? BANSHI_API_BASE : ''
const RETRY_DELAYS_MS = [400, 1200]

export const http = axios.create({
  baseURL: `${apiBase}/api/v1`,
  timeout: 15_000,
  adapter: taroAdapter,
  // Messages come back in the app's language (Chinese until the English interface lands), not the browser's.
  headers: { Accept: 'application/json', 'Accept-Language': 'zh-CN' },
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
  if (error instanceof ApiError && error.retryable && error.code !== 'RATE_LIMITED' && isRead && config && attempt < RETRY_DELAYS_MS.length) {
    await sleep(RETRY_DELAYS_MS[attempt])
    if (!config.signal?.aborted) return http.request({ ...config, attempt: attempt + 1 })
  }
  throw error
})

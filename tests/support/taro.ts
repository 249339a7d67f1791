// A stand-in for @tarojs/taro in jsdom: the APIs Banshi uses, working like the real ones where it matters
// (request goes over fetch, so msw serves it; storage keeps values) and recording calls where it does not.
import { useEffect, useRef } from 'react'

type Handler = () => void

const storage = new Map<string, unknown>()
const pageHandlers = { pullDownRefresh: new Set<Handler>(), reachBottom: new Set<Handler>(), show: new Set<Handler>(), hide: new Set<Handler>() }
let routerParams: Record<string, string> = {}

export function setRouterParams(params: Record<string, string>): void {
  routerParams = params
}

export function triggerPullDownRefresh(): void {
  pageHandlers.pullDownRefresh.forEach((handler) => handler())
}

export function triggerReachBottom(): void {
  pageHandlers.reachBottom.forEach((handler) => handler())
}

/** Another page on top, or the app in the background (useDidHide), and back again (useDidShow). */
export function triggerPageHide(): void {
  pageHandlers.hide.forEach((handler) => handler())
}

export function triggerPageShow(): void {
  pageHandlers.show.forEach((handler) => handler())
}

export function resetTaro(): void {
  storage.clear()
  routerParams = {}
  jest.clearAllMocks()
}

interface RequestOptions {
  url: string
  method?: string
  data?: unknown
  header?: Record<string, string>
  timeout?: number
  dataType?: string
  success?(result: unknown): void
  fail?(error: { errMsg: string }): void
}

function request(options: RequestOptions) {
  const controller = new AbortController()
  let timedOut = false
  const timer = options.timeout ? setTimeout(() => ((timedOut = true), controller.abort()), options.timeout) : null
  const method = (options.method ?? 'GET').toUpperCase()
  const promise = (async () => {
    try {
      const body =
        options.data === undefined || method === 'GET'
          ? undefined
          : typeof options.data === 'string'
            ? options.data
            : JSON.stringify(options.data)
      const response = await fetch(options.url, { method, headers: options.header, body, signal: controller.signal })
      const text = await response.text()
      let data: unknown = text
      if (options.dataType === 'json') {
        try {
          data = JSON.parse(text)
        } catch {
          data = text
        }
      }
      const result = { statusCode: response.status, data, header: Object.fromEntries(Array.from(response.headers as unknown as Iterable<[string, string]>)) }
      options.success?.(result)
      return result
    } catch (error) {
      const errMsg = timedOut ? 'request:fail timeout' : controller.signal.aborted ? 'request:fail abort' : `request:fail ${(error as Error).message}`
      options.fail?.({ errMsg })
      throw { errMsg }
    } finally {
      if (timer) clearTimeout(timer)
    }
  })()
  promise.catch(() => {})
  return Object.assign(promise, { abort: () => controller.abort() })
}

function usePageEvent(set: Set<Handler>, handler: Handler) {
  const latest = useRef(handler)
  latest.current = handler
  useEffect(() => {
    const call = () => latest.current()
    set.add(call)
    return () => {
      set.delete(call)
    }
  }, [set])
}

const resolved = () => Promise.resolve({ errMsg: 'ok' })

export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB' }
export const getEnv = () => ENV_TYPE.WEB

const Taro = {
  ENV_TYPE,
  getEnv,
  request,
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  makePhoneCall: jest.fn(resolved),
  navigateTo: jest.fn(resolved),
  redirectTo: jest.fn(resolved),
  navigateBack: jest.fn(resolved),
  reLaunch: jest.fn(resolved),
  getCurrentPages: jest.fn(() => [] as Array<{ route?: string }>),
  stopPullDownRefresh: jest.fn(),
  showModal: jest.fn(() => Promise.resolve({ confirm: true, cancel: false, errMsg: 'ok' })),
  showToast: jest.fn(resolved),
  login: jest.fn(() => Promise.resolve({ code: 'wx-code', errMsg: 'ok' })),
  getNetworkType: jest.fn(() => Promise.resolve({ networkType: 'wifi', errMsg: 'ok' })),
  onNetworkStatusChange: jest.fn(),
  offNetworkStatusChange: jest.fn(),
  setNavigationBarTitle: jest.fn(resolved),
  pxTransform: (value: number) => `${value / 2}px`,
  vibrateLong: jest.fn(resolved),
  openLocation: jest.fn(resolved),
  getLocation: jest.fn(() => Promise.reject({ errMsg: 'getLocation:fail auth deny' })),
  // The mini-program's subscribe prompt; tests of the weapp path answer it per test.
  requestSubscribeMessage: jest.fn((_option: { tmplIds: string[] }) => Promise.reject({ errMsg: 'requestSubscribeMessage:fail not supported', errCode: 10001 })),
}

export const useRouter = () => ({ params: routerParams, path: '' })
export const usePullDownRefresh = (handler: Handler) => usePageEvent(pageHandlers.pullDownRefresh, handler)
export const useReachBottom = (handler: Handler) => usePageEvent(pageHandlers.reachBottom, handler)
export const useShareAppMessage = jest.fn()
export const useDidShow = (handler: Handler) => {
  // As in Taro, it also runs when the page first shows.
  useEffect(handler, [])
  usePageEvent(pageHandlers.show, handler)
}
export const useDidHide = (handler: Handler) => usePageEvent(pageHandlers.hide, handler)
export const useLaunch = (handler: Handler) => useEffect(handler, [])
export const { request: taroRequest } = Taro

export default Taro

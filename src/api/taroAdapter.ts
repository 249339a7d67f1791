import Taro from '@tarojs/taro'
import axios, { AxiosError, AxiosHeaders, CanceledError, type AxiosAdapter, type AxiosResponse } from 'axios'

type TaroMethod = NonNullable<Taro.request.Option['method']>

function headersOf(config: Parameters<AxiosAdapter>[0]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(AxiosHeaders.from(config.headers).toJSON())) {
    if (value !== undefined && value !== null) out[key] = String(value)
  }
  return out
}

/**
 * axios has no transport for wx.request, so every request goes through Taro.request: wx.request in the
 * mini-program, fetch in H5. One code path on both ends, and tests exercise the mini-program's path too.
 */
export const taroAdapter: AxiosAdapter = (config) =>
  new Promise<AxiosResponse>((resolve, reject) => {
    if (config.signal?.aborted) {
      reject(new CanceledError(undefined, undefined, config))
      return
    }
    let settled = false
    const task = Taro.request({
      url: axios.getUri(config),
      method: (config.method ?? 'get').toUpperCase() as TaroMethod,
      data: config.data,
      header: headersOf(config),
      timeout: config.timeout || undefined,
      dataType: 'json',
      responseType: 'text',
      success(res) {
        settled = true
        const response: AxiosResponse = {
          data: res.data,
          status: res.statusCode,
          statusText: String(res.statusCode),
          headers: AxiosHeaders.from((res.header ?? {}) as Record<string, string>),
          config,
          request: null,
        }
        const accept = config.validateStatus ?? ((status: number) => status >= 200 && status < 300)
        if (accept(res.statusCode)) {
          resolve(response)
          return
        }
        const code = res.statusCode >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST
        reject(new AxiosError(`Request failed with status code ${res.statusCode}`, code, config, null, response))
      },
      fail(err) {
        if (settled) return
        settled = true
        const message = (err as { errMsg?: string })?.errMsg ?? 'request failed'
        if (config.signal?.aborted || /abort/i.test(message)) {
          reject(new CanceledError(message, undefined, config))
          return
        }
        const code = /timeout|timed out/i.test(message) ? AxiosError.ECONNABORTED : AxiosError.ERR_NETWORK
        reject(new AxiosError(message, code, config))
      },
    })
    // In H5 the task is also a promise that rejects when aborted; `fail` above already reports every failure, so
    // that second rejection must not surface as an unhandled one (typing cancels suggestion requests constantly).
    ;(task as unknown as { catch?: (onRejected: () => void) => unknown }).catch?.(() => {})
    const signal = config.signal as AbortSignal | undefined
    signal?.addEventListener?.('abort', () => {
      if (settled) return
      settled = true
      ;(task as unknown as { abort?: () => void }).abort?.()
      reject(new CanceledError(undefined, undefined, config))
    })
  })

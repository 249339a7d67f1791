// The error contract shared by server and client: stable codes, and the sentence a citizen reads for each.
// Messages say what happened and what to do next, in plain words.

export const errorMessages = {
  VALIDATION_FAILED: {
    zh: '填写的内容有误,请检查后重试',
    en: 'Some of the information is not valid. Please check it and try again.',
  },
  MALFORMED_JSON: {
    zh: '请求内容格式有误,请刷新页面后重试',
    en: 'The request could not be read. Please reload the page and try again.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    zh: '请求内容类型不受支持,请刷新页面后重试',
    en: 'This kind of content is not accepted. Please reload the page and try again.',
  },
  PAYLOAD_TOO_LARGE: {
    zh: '提交的内容太大,请精简后重试',
    en: 'What you sent is too large. Please make it smaller and try again.',
  },
  AUTH_REQUIRED: {
    zh: '请先登录后再操作',
    en: 'Please sign in first.',
  },
  FORBIDDEN: {
    zh: '您没有权限查看或办理这项内容',
    en: 'You are not allowed to see or do this.',
  },
  ITEM_NOT_FOUND: {
    zh: '没有找到这个事项,可能已调整或下线,请重新搜索',
    en: 'This service could not be found. It may have changed; please search again.',
  },
  HALL_NOT_FOUND: {
    zh: '没有找到这个服务大厅,请返回列表重新选择',
    en: 'This service hall could not be found. Please go back and choose another.',
  },
  ROUTE_NOT_FOUND: {
    zh: '页面或接口不存在,请返回首页',
    en: 'This address does not exist. Please go back to the home page.',
  },
  METHOD_NOT_ALLOWED: {
    zh: '不支持这种操作,请返回首页',
    en: 'This action is not supported. Please go back to the home page.',
  },
  RATE_LIMITED: {
    zh: '操作太频繁,请稍后再试',
    en: 'Too many requests. Please wait a moment and try again.',
  },
  SERVICE_UNAVAILABLE: {
    zh: '服务暂时不可用,请稍后再试',
    en: 'The service is temporarily unavailable. Please try again shortly.',
  },
  INTERNAL_ERROR: {
    zh: '系统开小差了,请稍后再试;如急需办理,请拨打大厅咨询电话',
    en: 'Something went wrong on our side. Please try again later, or call the hall.',
  },
  // Raised by the client itself, never by the server.
  NETWORK_ERROR: {
    zh: '网络不给力,请检查网络后点击重试',
    en: 'No connection. Check your network and tap retry.',
  },
  TIMEOUT: {
    zh: '网络较慢,请求超时了,请点击重试',
    en: 'The network is slow and the request timed out. Tap retry.',
  },
} as const

export type ErrorCode = keyof typeof errorMessages
export type Lang = 'zh' | 'en'

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(errorMessages, value)
}

export function errorMessage(code: ErrorCode, lang: Lang = 'zh'): string {
  return errorMessages[code][lang]
}

/** Errors a user can sensibly retry as-is (the same request may succeed later). */
export function isRetryable(code: ErrorCode): boolean {
  return code === 'NETWORK_ERROR' || code === 'TIMEOUT' || code === 'SERVICE_UNAVAILABLE' ||
    code === 'INTERNAL_ERROR' || code === 'RATE_LIMITED'
}

/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.scss'
declare module '*.css'

/** API origin baked in at build time (config/env.ts). Empty in H5: same origin as the page. */
declare const BANSHI_API_BASE: string
/** H5 development against the msw handlers in mock/ instead of a server. */
declare const BANSHI_MOCK: boolean
/** True in production H5 builds, where the Workbox service worker (sw.js) exists. */
declare const BANSHI_SERVICE_WORKER: boolean

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV?: 'development' | 'production' | 'test'
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony' | 'jdrn'
    TARO_APP_ID?: string
  }
}

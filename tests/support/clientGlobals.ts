// What Taro's build defines as constants.
;(globalThis as Record<string, unknown>).BANSHI_API_BASE = 'http://banshi.test'
process.env.TARO_ENV = 'h5'

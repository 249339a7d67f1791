// What Taro's build defines as constants.
;(globalThis as Record<string, unknown>).BANSHI_API_BASE = 'http://banshi.test'
process.env.TARO_ENV = 'h5'

// jsdom has no 2D canvas (it logs "not implemented" on every call); pages that draw (the signature pad) get none,
// as a browser without canvas support would.
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext

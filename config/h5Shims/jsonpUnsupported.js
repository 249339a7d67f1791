// Taro.request's JSONP mode: Banshi's API is same-origin JSON and never asks for it, so the JSONP library stays out of
// the first load. A call that did ask would fail loudly instead of silently.
export default function jsonpUnsupported() {
  return Promise.reject(new Error('JSONP requests are not supported in this app'))
}

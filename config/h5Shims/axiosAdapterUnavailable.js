// axios's own browser transports (XMLHttpRequest and fetch). Every request of the app goes through the Taro adapter
// (src/api/taroAdapter.ts), so these only cost first-load bytes and start-up time: the fetch transport probes the
// browser's streams support while the app starts. An axios instance made without the Taro adapter fails at once.
export const getFetch = () => false
export default false

import async_hooks from 'node:async_hooks'
const live = new Map<number, { type: string; stack: string; res: any }>()
async_hooks.createHook({
  init(id, type, _t, res) { if (type === 'Timeout' || type === 'TCPWRAP') live.set(id, { type, stack: new Error().stack!.split('\n').slice(2, 9).join('\n'), res }) },
  destroy(id) { live.delete(id) },
}).enable()
import { connectRedis } from '../server/redis'
async function main() {
  const r = connectRedis('redis://127.0.0.1:1')
  try { await r.ping() } catch {}
  await new Promise((res) => setTimeout(res, 50))
  r.disconnect()
  setTimeout(() => {
    for (const [id, v] of live) { const ref = v.res?.hasRef ? v.res.hasRef() : '?'; if (ref !== false) console.log(id, v.type, ref, v.res?._idleTimeout, '\n', v.stack) }
  }, 100).unref()
}
main()

import { connectRedis } from '../server/redis'
async function main() {
  const t0 = Date.now()
  const r = connectRedis('redis://127.0.0.1:1')
  r.on('error', () => {})
  try { await r.ping() } catch (e) { console.log('ping err', (e as Error).message, r.status) }
  await new Promise((res) => setTimeout(res, 50))
  console.log('status before disconnect', r.status)
  r.disconnect()
  console.log('status after', r.status)
  setTimeout(() => console.log('handles', (process as any)._getActiveHandles().map((h: any) => h.constructor.name), (process as any)._getActiveRequests().length), 100).unref()
  process.on('exit', () => console.log('exit after', Date.now() - t0))
}
main()

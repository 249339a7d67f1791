import { buildApp } from '../server/app'
import { ManualClock } from '../server/clock'
import { openDatabase } from '../server/db/connect'
import { connectRedis } from '../server/redis'
async function main() {
  const h = await openDatabase({ sqliteFile: ':memory:' })
  const clock = new ManualClock('2026-11-25T10:00:00+08:00')
  const app = await buildApp({ db: h.db, clock })
  await h.close()
  let r = await app.inject('/readyz'); console.log('sqlite destroyed', r.statusCode, r.headers['retry-after'], r.body)
  r = await app.inject('/api/v1/halls'); console.log('halls on destroyed', r.statusCode, r.body)
  await app.close()
  const pg = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/test' })
  const app2 = await buildApp({ db: pg.db, clock })
  r = await app2.inject('/readyz'); console.log('pg closed', r.statusCode, r.headers['retry-after'], r.body)
  r = await app2.inject('/api/v1/halls'); console.log('halls pg closed', r.statusCode, r.headers['retry-after'], r.body)
  await app2.close(); await pg.close()
  const h3 = await openDatabase({ sqliteFile: ':memory:' })
  const redis = connectRedis('redis://127.0.0.1:1')
  const app3 = await buildApp({ db: h3.db, clock, redis })
  r = await app3.inject('/readyz'); console.log('redis closed', r.statusCode, r.headers['retry-after'], r.body)
  await app3.close(); redis.disconnect(); await h3.close()
  const good = connectRedis('redis://127.0.0.1:6379')
  const h4 = await openDatabase({ sqliteFile: ':memory:' })
  const app4 = await buildApp({ db: h4.db, clock, redis: good })
  r = await app4.inject('/readyz'); console.log('redis immediately', r.statusCode, r.body)
  await new Promise((res) => good.once('ready', res))
  r = await app4.inject('/readyz'); console.log('redis ok', r.statusCode, r.body)
  await app4.close(); await good.quit(); await h4.close()
}
main()

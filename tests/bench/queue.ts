// Live queue budgets (issue 5): snapshot endpoint throughput as a share of a bare Fastify hello route measured the
// same way in the same run, WebSocket fan-out latency from call-next to delivery at 10,000 subscribers of one hall,
// and server memory per open socket. Load generators run in child processes so they do not share the server's
// event loop (on this 2-core machine they still share the CPU: read the figures as a lower bound).
import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import Fastify from 'fastify'
import { shiftedClock } from '../../server/clock'
import { ephemeralAuthSettings } from '../../server/modules/auth/settings'
import { issueTicket, announceQueueChange } from '../../server/modules/queue/service'
import { createTestApp, WEDNESDAY_10AM } from '../api/support/testApp'
import { devSignIn } from '../api/support/signIn'
import { ensureDemoAccounts } from '../../server/seed/demoAccounts'
import { callNextAt } from '../api/support/queue'
import { kb, ms, percentile, type Row } from './stats'

const LOAD_SECONDS = Number(process.env.QUEUE_BENCH_SECONDS ?? 4)
const CONCURRENCY = 32
const SUBSCRIBERS = Number(process.env.QUEUE_BENCH_SUBSCRIBERS ?? 10_000)
const CALLS = 20
const HALL = 'lh-district'

function child(script: string): ChildProcess {
  return fork(path.join(__dirname, script), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
}

function nextMessage<T>(process: ChildProcess, type?: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: T & { type?: string }) => {
      if (type && message.type !== type) return
      process.off('message', onMessage)
      resolve(message)
    }
    process.on('message', onMessage)
    process.once('exit', (code) => code !== 0 && reject(new Error(`bench child exited with ${code}`)))
  })
}

async function load(url: string, headers?: Record<string, string>): Promise<{ rps: number; statuses: Record<number, number> }> {
  const worker = child('queueHttpLoad.ts')
  const done = nextMessage<{ requests: number; seconds: number; statuses: Record<number, number> }>(worker)
  worker.send({ url, seconds: LOAD_SECONDS, concurrency: CONCURRENCY, headers })
  const result = await done
  return { rps: result.requests / result.seconds, statuses: result.statuses }
}

const gc = () => (globalThis as { gc?: () => void }).gc?.()

export async function queueRows(): Promise<Row[]> {
  const rows: Row[] = []
  const hello = Fastify()
  hello.get('/hello', async () => ({ hello: 'world' }))
  const helloUrl = await hello.listen({ port: 0, host: '127.0.0.1' })

  // Time moves (estimates and the state cache's expiry with it), starting inside opening hours.
  const t = await createTestApp('sqlite', { auth: ephemeralAuthSettings({ devLogin: true }), clock: shiftedClock(new Date(WEDNESDAY_10AM)) })
  try {
    const app = t.app
    const issue = async (count: number) => {
      for (let i = 0; i < count; i += 1) {
        const issued = await issueTicket(app.db, { hallId: HALL, categoryId: ['A', 'B', 'V'][i % 3], userId: null, source: 'kiosk', now: app.clock.now() })
        await announceQueueChange(app.queue, issued.change)
      }
    }
    await issue(40 + CALLS)
    await ensureDemoAccounts(app.db, app.clock.now())
    const staff = await devSignIn(app, { username: 'admin' })
    for (let windowNo = 1; windowNo <= 5; windowNo += 1) await callNextAt(app, staff, HALL, windowNo)
    const appUrl = await app.listen({ port: 0, host: '127.0.0.1' })

    // Throughput: hello, snapshot, hello again (the machine is shared: the mean of two hello runs), 304 answers.
    const snapshotUrl = `${appUrl}/api/v1/halls/${HALL}/queue`
    const helloFirst = await load(`${helloUrl}/hello`)
    const snapshot = await load(snapshotUrl)
    const helloSecond = await load(`${helloUrl}/hello`)
    const etag = (await app.inject({ method: 'GET', url: `/api/v1/halls/${HALL}/queue` })).headers.etag as string
    const notModified = await load(snapshotUrl, { 'if-none-match': etag })
    const gzip = await load(snapshotUrl, { 'accept-encoding': 'gzip' })
    const helloRps = (helloFirst.rps + helloSecond.rps) / 2
    rows.push(
      { figure: 'bare Fastify hello route', value: `${helloRps.toFixed(0)} req/s`, note: `${CONCURRENCY} keep-alive connections, ${LOAD_SECONDS} s, mean of two runs` },
      { figure: 'GET /halls/{id}/queue (200)', value: `${snapshot.rps.toFixed(0)} req/s`, note: `statuses ${JSON.stringify(snapshot.statuses)}` },
      { figure: 'queue snapshot ÷ hello', value: `${((snapshot.rps / helloRps) * 100).toFixed(0)} %`, budget: '≥ 60 %' },
      { figure: 'GET /halls/{id}/queue, If-None-Match (304)', value: `${notModified.rps.toFixed(0)} req/s`, note: `${((notModified.rps / helloRps) * 100).toFixed(0)} % of hello; statuses ${JSON.stringify(notModified.statuses)}` },
      { figure: 'GET /halls/{id}/queue, gzip', value: `${gzip.rps.toFixed(0)} req/s`, note: `${((gzip.rps / helloRps) * 100).toFixed(0)} % of hello` },
    )

    // Fan-out: every subscriber of the hall gets each call's snapshot.
    gc()
    const before = process.memoryUsage()
    // Subscribers are phones: spread over two processes so one client event loop is not the bottleneck measured.
    const clients = [child('queueFanoutClients.ts'), child('queueFanoutClients.ts')]
    const ready = Promise.all(clients.map((process) => nextMessage(process, 'ready')))
    const connectStart = performance.now()
    for (const process of clients) {
      process.send({ type: 'start', job: { url: `${appUrl.replace('http', 'ws')}/api/v1/live`, hallId: HALL, connections: SUBSCRIBERS / clients.length } })
    }
    await ready
    const connectSeconds = (performance.now() - connectStart) / 1000
    gc()
    const after = process.memoryUsage()
    const sockets = app.liveHub.size

    app.liveHub.pushDurations.length = 0
    const firstVersion = (await app.inject({ method: 'GET', url: `/api/v1/halls/${HALL}/queue` })).json().version as number
    const calledAt = new Map<number, number>()
    for (let call = 1; call <= CALLS; call += 1) {
      calledAt.set(firstVersion + call, performance.timeOrigin + performance.now())
      const res = await callNextAt(app, staff, HALL, 6 + (call % 5))
      if (res.statusCode !== 200) throw new Error(`call-next ${res.statusCode} ${res.body}`)
      // Let each fan-out finish before the next call, so every version is delivered on its own.
      await new Promise((resolve) => setTimeout(resolve, 1500))
    }
    const latencies: number[] = []
    for (const process of clients) {
      const report = nextMessage<{ arrivals: Record<string, number[]> }>(process, 'report')
      process.send({ type: 'report' })
      const { arrivals } = await report
      process.send({ type: 'close' })
      for (const [version, times] of Object.entries(arrivals)) {
        const start = calledAt.get(Number(version))
        if (start !== undefined) for (const at of times) latencies.push(at - start)
      }
    }
    latencies.sort((a, b) => a - b)
    const expected = SUBSCRIBERS * CALLS
    rows.push(
      { figure: `WS fan-out to ${SUBSCRIBERS} subscribers: call-next → delivery p50`, value: ms(percentile(latencies, 50)) },
      { figure: 'WS fan-out p95', value: ms(percentile(latencies, 95)), budget: '≤ 250 ms' },
      { figure: 'WS fan-out p99', value: ms(percentile(latencies, 99)), note: `${latencies.length} of ${expected} deliveries over ${CALLS} calls` },
      {
        figure: `server time per push (state, frame, ${SUBSCRIBERS} sends)`,
        value: ms(percentile([...app.liveHub.pushDurations].sort((a, b) => a - b), 50)),
        note: `max ${ms(Math.max(...app.liveHub.pushDurations))}; the rest of the latency is the kernel and the clients`,
      },
      { figure: 'WS connect time', value: `${connectSeconds.toFixed(1)} s`, note: `${sockets} sockets open on the server` },
      {
        figure: 'server memory per connection',
        value: kb((after.heapUsed - before.heapUsed + after.external - before.external) / SUBSCRIBERS),
        note: `JS heap + external buffers after GC; RSS grew ${kb((after.rss - before.rss) / SUBSCRIBERS)} per socket`,
      },
    )
  } finally {
    await t.close()
    await hello.close()
  }
  return rows
}

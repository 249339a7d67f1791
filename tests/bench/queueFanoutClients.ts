// Child process of the queue bench: opens many WebSocket subscribers to one hall, tells the parent when every one
// has its first snapshot, then records when each later snapshot version arrives (wall-clock ms, comparable with the
// parent's clock on the same machine) and reports them on request.
import WebSocket from 'ws'

interface Job {
  url: string
  hallId: string
  connections: number
}

const arrivals = new Map<number, number[]>()
const sockets: WebSocket[] = []
const now = () => performance.timeOrigin + performance.now()

function connect(job: Job): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(job.url, { perMessageDeflate: false })
    let first = true
    ws.on('open', () => ws.send(JSON.stringify({ type: 'subscribe', hall: job.hallId })))
    ws.on('message', (data: Buffer) => {
      const at = now()
      // Only the version is needed: read it without parsing the whole frame.
      const match = /"version":(\d+)/.exec(data.toString('latin1', 0, 120))
      if (!match) return
      if (first) {
        first = false
        resolve()
        return
      }
      const version = Number(match[1])
      let list = arrivals.get(version)
      if (!list) arrivals.set(version, (list = []))
      list.push(at)
    })
    ws.on('error', reject)
    sockets.push(ws)
  })
}

process.on('message', async (message: { type: 'start'; job: Job } | { type: 'report' } | { type: 'close' }) => {
  if (message.type === 'start') {
    const { job } = message
    // In batches: the server's accept backlog is finite.
    for (let opened = 0; opened < job.connections; opened += 250) {
      await Promise.all(Array.from({ length: Math.min(250, job.connections - opened) }, () => connect(job)))
    }
    process.send!({ type: 'ready' })
  } else if (message.type === 'report') {
    process.send!({ type: 'report', arrivals: Object.fromEntries(arrivals) })
  } else {
    for (const ws of sockets) ws.terminate()
    process.exit(0)
  }
})

// Child process of the queue bench: keeps `concurrency` keep-alive requests in flight against one URL for
// `seconds`, then reports how many completed (and their statuses) to the parent. A separate process, so the load
// generator does not share the server's event loop.
import http from 'node:http'

interface Job {
  url: string
  seconds: number
  concurrency: number
  headers?: Record<string, string>
}

function run(job: Job): Promise<{ requests: number; seconds: number; statuses: Record<number, number> }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency })
  const statuses: Record<number, number> = {}
  let requests = 0
  const start = performance.now()
  const deadline = start + job.seconds * 1000
  const once = () =>
    new Promise<void>((resolve, reject) => {
      const request = http.get(job.url, { agent, headers: job.headers }, (response) => {
        response.resume()
        response.on('end', () => {
          statuses[response.statusCode ?? 0] = (statuses[response.statusCode ?? 0] ?? 0) + 1
          requests += 1
          resolve()
        })
      })
      request.on('error', reject)
    })
  const worker = async () => {
    while (performance.now() < deadline) await once()
  }
  return Promise.all(Array.from({ length: job.concurrency }, worker)).then(() => {
    agent.destroy()
    return { requests, seconds: (performance.now() - start) / 1000, statuses }
  })
}

process.once('message', (job: Job) => {
  run(job).then(
    (result) => process.send!(result, () => process.exit(0)),
    (error) => {
      console.error(error)
      process.exit(1)
    },
  )
})

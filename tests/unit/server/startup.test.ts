// The README contract from the server's side: on an empty data directory the server creates the SQLite file,
// migrates, seeds the catalog, prints where it is, serves the API without an H5 build, and shuts down cleanly.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(__dirname, '../../..')

function serverEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    BANSHI_DATA_DIR: dataDir,
    BANSHI_H5_DIR: path.join(dataDir, 'no-h5-build'),
    DATABASE_URL: '',
    REDIS_URL: '',
    LOG_LEVEL: 'info',
    ...extra,
  }
}

describe('server process', () => {
  let dataDir: string
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-start-'))
  })
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  it('starts on an empty data directory, seeds the catalog, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--demo'], { cwd: root, env: serverEnv(dataDir) })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))

    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 30_000)
      child.stdout.on('data', () => {
        const match = /Open:\s+(http:\/\/localhost:\d+\/)/.exec(output)
        if (match) {
          clearTimeout(timer)
          resolve(match[1])
        }
      })
      child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)))
    })

    expect(output).toContain('(demo mode)')
    expect(output).toContain('no H5 build')
    expect(fs.existsSync(path.join(dataDir, 'banshi.sqlite'))).toBe(true)
    const items = await (await fetch(`${url}api/v1/items?limit=1`)).json()
    expect(items.total).toBe(177)
    expect((await fetch(`${url}readyz`)).status).toBe(200)

    const exitCode = await new Promise<number | null>((resolve) => {
      child.once('exit', resolve)
      child.kill('SIGTERM')
    })
    expect(exitCode).toBe(0)
    expect(output).toContain('shutting down')
    // Structured logs: one JSON object per line.
    const logLine = output.split('\n').find((line) => line.includes('"msg":"catalog seeded'))
    expect(JSON.parse(logLine!)).toMatchObject({ level: 30, items: 177, halls: 25 })
  }, 60_000)

  it('refuses to start with an invalid PORT and says why', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root,
      env: serverEnv(dataDir, { PORT: 'eighty' }),
      encoding: 'utf8',
    })
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('PORT must be a whole number')
  }, 30_000)

  it('`npm run seed` imports the bundled catalog into the configured database', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/seed/cli.ts'], {
      cwd: root,
      env: serverEnv(dataDir),
      encoding: 'utf8',
    })
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/Seeded sqlite \(.*banshi\.sqlite\): 177 items, 25 halls/)
  }, 30_000)

  it('`npm run seed` rejects a catalog file that is not in the import format', () => {
    const bad = path.join(dataDir, 'items.json')
    fs.writeFileSync(bad, JSON.stringify([{ code: 'x', name: '' }]))
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/seed/cli.ts', '--items', bad], {
      cwd: root,
      env: serverEnv(dataDir),
      encoding: 'utf8',
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('Catalog file is not valid: items[0]')
  }, 30_000)
})

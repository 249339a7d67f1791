// The README contract from the server's side: on an empty data directory the server creates the SQLite file,
// migrates, seeds the catalog, prints where it is, serves the API without an H5 build, and shuts down cleanly.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../../server/db/connect'
import { verifyPassword } from '../../../server/security/passwords'

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

/** `node server/main.ts` with these arguments; `url` resolves with the address it prints once it listens. */
function startServerProcess(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { cwd: root, env })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const url = new Promise<string>((resolve, reject) => {
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
  return { child, url, output: () => output }
}

describe('server process', () => {
  let dataDir: string
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-start-'))
  })
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  it('starts on an empty data directory, seeds the catalog, and stops cleanly on SIGTERM', async () => {
    const server = startServerProcess(['--demo'], serverEnv(dataDir))
    const { child } = server
    const url = await server.url
    const output = server.output()

    expect(output).toContain('(demo mode)')
    expect(output).toContain('no H5 build')
    // Demo staff accounts are listed, the data key was generated into the data directory, dev sign-in is on.
    for (const username of ['admin', 'window1', 'grid1', 'grid2']) expect(output).toMatch(new RegExp(`^\\s+${username}\\s`, 'm'))
    expect(output).toContain('password "banshi-demo"')
    expect(fs.existsSync(path.join(dataDir, 'banshi-data.key'))).toBe(true)
    expect(output).toContain('dev sign-in ON')
    const staffLogin = await fetch(`${url}api/v1/auth/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'grid1', password: 'banshi-demo' }),
    })
    expect(staffLogin.status).toBe(200)
    expect((await staffLogin.json()).user).toMatchObject({ role: 'grid_worker', gridId: 'lh-minzhi-baishilong-g1', gridName: '白石龙社区第一网格' })
    expect(fs.existsSync(path.join(dataDir, 'banshi.sqlite'))).toBe(true)
    const items = await (await fetch(`${url}api/v1/items?limit=1`)).json()
    expect(items.total).toBe(177)
    expect((await fetch(`${url}readyz`)).status).toBe(200)

    const exitCode = await new Promise<number | null>((resolve) => {
      child.once('exit', resolve)
      child.kill('SIGTERM')
    })
    expect(exitCode).toBe(0)
    expect(server.output()).toContain('shutting down')
    // Structured logs: one JSON object per line.
    const logLine = server.output().split('\n').find((line) => line.includes('"msg":"catalog seeded'))
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

  it('refuses to start outside demo mode without BANSHI_DATA_KEY, and has no demo accounts or dev sign-in with one', async () => {
    const refused = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root,
      env: serverEnv(dataDir, { BANSHI_DEV_LOGIN: '', BANSHI_DATA_KEY: '' }),
      encoding: 'utf8',
    })
    expect(refused.status).toBe(2)
    expect(refused.stderr).toContain('BANSHI_DATA_KEY is not set')

    const key = Buffer.alloc(32, 7).toString('base64')
    const server = startServerProcess([], serverEnv(dataDir, { BANSHI_DEV_LOGIN: '', BANSHI_DATA_KEY: key }))
    const { child } = server
    try {
      const url = await server.url
      const output = server.output()
      expect(output).toContain('Data key:  BANSHI_DATA_KEY')
      expect(output).not.toContain('Demo staff accounts')
      const dev = await fetch(`${url}api/v1/auth/dev`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin' }),
      })
      expect(dev.status).toBe(404)
      const admin = await fetch(`${url}api/v1/auth/staff/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'banshi-demo' }),
      })
      expect(admin.status).toBe(401)
    } finally {
      await new Promise((resolve) => {
        child.once('exit', resolve)
        child.kill('SIGTERM')
      })
    }
  }, 60_000)

  it('`npm run user:add` creates a staff account that can sign in, and refuses a grid that does not exist', async () => {
    const run = (args: string[], extra: Record<string, string> = {}) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/users/cli.ts', ...args], {
        cwd: root,
        env: serverEnv(dataDir, extra),
        encoding: 'utf8',
      })
    spawnSync(process.execPath, ['--import', 'tsx', 'server/seed/cli.ts'], { cwd: root, env: serverEnv(dataDir) })
    const created = run(['--role', 'grid_worker', '--username', 'grid9', '--name', '王五', '--grid', 'lh-minzhi-daling-g2'], {
      BANSHI_NEW_PASSWORD: 'a long enough password',
    })
    expect(created.stderr).toBe('')
    expect(created.status).toBe(0)
    expect(created.stdout).toContain('Created grid_worker "grid9"')
    expect(created.stdout).not.toContain('a long enough password')
    const database = await openDatabase({ sqliteFile: path.join(dataDir, 'banshi.sqlite') })
    try {
      const row = await database.db.selectFrom('users').selectAll().where('username', '=', 'grid9').executeTakeFirstOrThrow()
      expect(row).toMatchObject({ role: 'grid_worker', grid_id: 'lh-minzhi-daling-g2', name: '王五' })
      expect(await verifyPassword('a long enough password', row.password_hash!)).toBe(true)
    } finally {
      await database.close()
    }

    const generated = run(['--role', 'admin', '--username', 'admin2'])
    expect(generated.status).toBe(0)
    const password = /Password \(shown once.*\): (\S+)/.exec(generated.stdout)?.[1]
    expect(password).toHaveLength(16)

    expect(run(['--role', 'grid_worker', '--username', 'grid10', '--grid', 'no-such-grid']).stderr).toContain('no grid "no-such-grid"')
    expect(run(['--role', 'window_staff', '--username', 'w2']).stderr).toContain('need --hall')
    expect(run(['--role', 'grid_worker', '--username', 'grid9', '--grid', 'lh-minzhi-daling-g2']).stderr).toContain('taken')
    expect(run(['--role', 'mayor', '--username', 'x']).status).toBe(2)
    expect(run(['--role', 'admin', '--username', 'short'], { BANSHI_NEW_PASSWORD: 'short' }).stderr).toContain('at least 10')
  }, 60_000)

  it('`npm run seed` imports the bundled catalog into the configured database', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/seed/cli.ts'], {
      cwd: root,
      env: serverEnv(dataDir),
      encoding: 'utf8',
    })
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/Seeded sqlite \(.*banshi\.sqlite\): 177 items, 25 halls, 36 grids/)
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

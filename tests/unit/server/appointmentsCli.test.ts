// `npm run appointments`: the operator's commands against a real SQLite file, as an operator runs them.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../../server/db/connect'

const root = path.resolve(__dirname, '../../..')

describe('appointments CLI', () => {
  let dataDir: string
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'server/modules/appointments/cli.ts', ...args], {
      cwd: root,
      env: { ...process.env, BANSHI_DATA_DIR: dataDir, DATABASE_URL: '', BANSHI_FAKE_NOW: '', BANSHI_DEV_LOGIN: '' },
      encoding: 'utf8',
    })

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-appointments-cli-'))
  })
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  it('sets a template (slots follow), closes a day, generates, and refuses bad input with exit 2', async () => {
    const template = run('template', 'lh-guanhu', 'B', '--length', '30', '--places', '4', '--walkin', '1')
    expect(template.stderr).toBe('')
    expect(template.status).toBe(0)
    expect(template.stdout).toMatch(/Template lh-guanhu cat:B: 30 min, 4 places \(1 for walk-ins\); \d+ slots added/)

    const day = new Date(Date.now() + 8 * 3600_000 + 2 * 86_400_000).toISOString().slice(0, 10)
    const close = run('close', 'lh-guanhu', day)
    expect(close.status).toBe(0)
    expect(close.stdout).toContain(`Closed lh-guanhu on ${day}`)
    expect(run('generate').stdout).toMatch(/^\d+ slots added/)

    const database = await openDatabase({ dataDir })
    try {
      const slots = await database.db.selectFrom('slots').select(['capacity', 'day']).where('hall_id', '=', 'lh-guanhu').execute()
      expect(slots.length).toBeGreaterThan(0)
      expect(slots.filter((slot) => slot.day !== day).every((slot) => slot.capacity === 3)).toBe(true)
      expect(slots.filter((slot) => slot.day === day).every((slot) => slot.capacity === 0)).toBe(true)
      const closed = await database.db.selectFrom('hall_closed_days').selectAll().execute()
      expect(closed.map((row) => [row.hall_id, row.day])).toEqual([['lh-guanhu', day]])
    } finally {
      await database.close()
    }

    for (const bad of [['bogus'], ['template', 'lh-guanhu', 'Z', '--length', '30', '--places', '4'], ['template', 'lh-guanhu', 'A', '--length', 'x', '--places', '4'], ['close', 'lh-guanhu', '2026-13-45']]) {
      const refused = run(...bad)
      expect({ bad, status: refused.status }).toEqual({ bad, status: 2 })
      expect(refused.stderr.trim().length).toBeGreaterThan(0)
    }
  }, 120_000)
})

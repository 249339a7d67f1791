// A grid worker's door visit in a real browser against the real server: the round lists a resident who qualifies,
// the worker applies at the door with a photo and the resident's signature drawn on the screen, the signal drops as
// they press submit, the app is closed, and when the signal is back the outbox sends it: exactly one application,
// every photo attached.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { phonePageSuite } from './support/phonePage'
import { seriousViolations } from './support/audit'
import { bundleHarness } from './support/harness'

const root = path.resolve(__dirname, '../..')
const PHOTO = path.join(root, 'tests/fixtures/photo-with-gps.jpg')
const GRID = 'lh-minzhi-baishilong-g1'
// Born 1940-03-01: 86, has the 优待证 already, never applied for the 高龄津贴.
const withCheckDigit = (first17: string) => {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0)
  return first17 + '10X98765432'[sum % 11]
}
const RESIDENT_ID_NUMBER = withCheckDigit('44030919400301021')
// A second resident, for the many-cycles run.
const CHAOS_ID_NUMBER = withCheckDigit('44030919410505022')

function cli(server: { dataDir: string }, args: string[], extraEnv: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    env: { ...process.env, BANSHI_DATA_DIR: server.dataDir, BANSHI_DEV_LOGIN: '1', DATABASE_URL: '', ...extraEnv },
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`${args.join(' ')}: ${run.stdout}${run.stderr}`)
}

const suite = phonePageSuite((server) => {
  cli(server, ['server/users/cli.ts', '--role', 'grid_worker', '--username', 'gridtest', '--name', '网格测试', '--grid', GRID], { BANSHI_NEW_PASSWORD: 'grid-worker-pass' })
  const register = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-register-')), 'register.csv')
  fs.writeFileSync(register, `姓名,身份证号,手机,住址,网格,标签,已享受事项\n王桂兰,${RESIDENT_ID_NUMBER},13900005678,白石龙社区幸福路8号2栋301,${GRID},,020200020000\n李秀英,${CHAOS_ID_NUMBER},13900005679,白石龙社区幸福路9号1栋201,${GRID},,020200020000\n`)
  cli(server, ['server/residents/cli.ts', 'import', register])
})

describe('a grid worker at the door, in a real browser', () => {
  it('applies for a resident while the signal drops, and the outbox sends it exactly once later', async () => {
    const { page, server } = suite
    await page.goto(`${server.url}/packages/staff/login/index`)
    await page.getByRole('textbox', { name: '用户名' }).fill('gridtest')
    await page.getByLabel('密码').fill('grid-worker-pass')
    await page.getByRole('button', { name: '登录' }).click()

    // The round: the resident is on it, with the reason.
    await page.getByRole('link', { name: /王桂兰/ }).waitFor()
    await page.getByText('已满80周岁(3月1日)').waitFor()
    expect(await seriousViolations(page, 'grid-home')).toEqual([])
    await page.getByRole('link', { name: /王桂兰/ }).click()
    await page.getByRole('heading', { name: '王桂兰', level: 1 }).waitFor()
    expect(await seriousViolations(page, 'grid-resident')).toEqual([])
    await page.getByRole('button', { name: '上门办理' }).click()

    // At the door: the form is prefilled from the register; photos and the signature are kept on the phone.
    await page.getByText(/申请人:王桂兰/).waitFor()
    for (let i = 0; i < 3; i += 1) {
      const chooser = page.waitForEvent('filechooser')
      await page.getByRole('button', { name: '拍照' }).first().click()
      await (await chooser).setFiles(PHOTO)
      await page.getByText(/已拍好并保存在手机上/).nth(i).waitFor()
    }
    const pad = page.getByRole('img', { name: '请王桂兰在这里签名' })
    await pad.scrollIntoViewIfNeeded()
    const box = (await pad.boundingBox())!
    await page.mouse.move(box.x + 20, box.y + 40)
    await page.mouse.down()
    await page.mouse.move(box.x + 120, box.y + 90, { steps: 8 })
    await page.mouse.move(box.x + 200, box.y + 50, { steps: 8 })
    await page.mouse.up()
    // From the keyboard (the layout under a just-lifted pointer settles a frame later in a busy browser).
    await page.getByRole('button', { name: '签好了' }).press('Enter')
    await page.getByText('签名已保存').first().waitFor()
    // Below the signature pad, Chromium 156's mobile emulation hit-tests a pointer click on the element above the
    // target (the pad, then the consent line), so these two are pressed from the keyboard, as a switch user would.
    await page.getByRole('checkbox', { name: '我确认居民本人已同意代办' }).press('Enter')
    await page.getByRole('checkbox', { name: '我确认居民本人已同意代办', checked: true }).waitFor()
    expect(await seriousViolations(page, 'grid-apply')).toEqual([])
    await page.getByRole('button', { name: '下一步:核对' }).press('Enter')

    // The signal drops as the worker submits: it is kept on the phone.
    await page.context().setOffline(true)
    await page.getByRole('button', { name: '提交申请' }).click()
    await page.getByText('已保存在手机上,有信号时自动发送').waitFor()
    // The app is closed before the signal returns.
    await page.close()
    await suite.page.context().setOffline(false)

    // Opened again with signal: the outbox finds the draft on the phone and sends it.
    const again = await suite.page.context().newPage()
    await again.goto(`${server.url}/packages/grid/outbox/index`)
    await again.getByText(/办件编号:/).waitFor({ timeout: 20_000 })
    expect(await seriousViolations(again, 'grid-outbox')).toEqual([])

    const mine = await again.evaluate(async () => {
      const signedIn = await fetch('/api/v1/auth/dev', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'gridtest' }) })
      const token = (await signedIn.json()).accessToken
      const list = await (await fetch('/api/v1/applications', { headers: { authorization: `Bearer ${token}` } })).json()
      const detail = await (await fetch(`/api/v1/applications/${list[0].no}`, { headers: { authorization: `Bearer ${token}` } })).json()
      return { count: list.length, materials: detail.materials.map((m: { name: string }) => m.name) }
    })
    expect(mine.count).toBe(1)
    expect(mine.materials).toEqual(['居民身份证', '居民户口簿', '本人银行账户信息', '居民授权确认(网格员上门代办)'])
  }, 120_000)

  it('sends 200 door applications exactly once while the network drops and the page reloads at random points', async () => {
    const { page, server } = suite
    await page.goto(`${server.url}/healthz`)
    const token = await page.evaluate(async () => {
      const res = await fetch('/api/v1/auth/dev', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'gridtest' }) })
      return (await res.json()).accessToken as string
    })
    const resident = await page.evaluate(async (bearer) => {
      const headers = { authorization: `Bearer ${bearer}` }
      const list = await (await fetch('/api/v1/grid/residents?eligible=0', { headers })).json()
      const found = list.residents.find((r: { name: string }) => r.name === '李秀英')
      const applicant = await (await fetch(`/api/v1/grid/residents/${found.id}/applicant`, { headers })).json()
      return { id: found.id, name: applicant.name, idNumber: applicant.idNumber, phone: applicant.phone }
    }, token)
    const harness = await bundleHarness('doorOutboxHarness.ts')
    const jpeg = fs.readFileSync(PHOTO).toString('base64')
    const context = page.context()
    let current = page
    const start = async () => {
      await current.goto(`${server.url}/healthz`)
      await current.addScriptTag({ content: harness })
      await current.evaluate((bearer) => (window as never as { doorHarness: { open(t: string): Promise<void> } }).doorHarness.open(bearer), token)
    }
    await start()

    // A seeded source of chance, so a failing run can be replayed.
    let seed = 20261125
    const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296)
    type Harness = { doorHarness: { addDraft(n: number, r: typeof resident, jpeg: string): Promise<void>; sendAll(): Promise<void>; summary(): Array<{ status: string; no: string | null }> } }
    for (let n = 0; n < 200; n += 1) {
      await context.setOffline(random() < 0.3)
      const adding = current.evaluate(({ n, resident, jpeg }) => (window as never as Harness).doorHarness.addDraft(n, resident, jpeg), { n, resident, jpeg })
      if (random() < 0.25) {
        // The signal drops part-way through sending.
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 30)))
        await context.setOffline(true)
      }
      if (random() < 0.1) {
        // The app is closed part-way through and opened again (with signal, so the page can load).
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 30)))
        await adding.catch(() => undefined)
        await context.setOffline(false)
        await start()
      } else {
        await adding
      }
    }

    await context.setOffline(false)
    let summary: Array<{ status: string; no: string | null }> = []
    for (let round = 0; round < 50; round += 1) {
      await current.evaluate(() => (window as never as Harness).doorHarness.sendAll())
      summary = await current.evaluate(() => (window as never as Harness).doorHarness.summary())
      if (summary.every((draft) => draft.status === 'submitted')) break
    }
    expect(summary).toHaveLength(200)
    expect(summary.filter((draft) => draft.status !== 'submitted')).toEqual([])
    expect(new Set(summary.map((draft) => draft.no)).size).toBe(200)

    // The server holds exactly one application per draft, each with its three photos and the consent.
    const db = new Database(path.join(server.dataDir, 'banshi.sqlite'), { readonly: true })
    try {
      const applications = db.prepare('select id from applications where resident_id = ?').all(resident.id) as Array<{ id: string }>
      expect(applications).toHaveLength(200)
      const counts = db
        .prepare('select count(*) as n from application_materials where application_id in (select id from applications where resident_id = ?) group by application_id')
        .all(resident.id) as Array<{ n: number }>
      expect(counts.every((row) => row.n === 4)).toBe(true)
      expect(counts).toHaveLength(200)
    } finally {
      db.close()
    }
  }, 600_000)
})

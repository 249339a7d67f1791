// The live queue in real browsers against the real server: a citizen takes a number remotely on one phone, window
// staff call numbers on another (a separate browser context), and the citizen's page says "your turn" by itself.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, phoneContext } from './support/browser'
import { startServer, type RunningServer } from './support/server'
import { signInByPhone } from './support/signIn'
import { seriousViolations } from './support/audit'

const root = path.resolve(__dirname, '../..')

let server: RunningServer
let browser: Browser
const contexts: BrowserContext[] = []
const pageErrors: string[] = []

async function newPhone(): Promise<Page> {
  const context = await phoneContext(browser)
  contexts.push(context)
  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  return page
}

beforeAll(async () => {
  // No demo simulator: the only numbers moving are the ones this test moves.
  server = await startServer({ BANSHI_SIMULATOR: '0' })
  browser = await launchBrowser()
  const created = spawnSync(process.execPath, ['--import', 'tsx', 'server/users/cli.ts', '--role', 'window_staff', '--username', 'queuetest', '--name', '叫号测试', '--hall', 'lh-district'], {
    cwd: root,
    env: { ...process.env, BANSHI_DATA_DIR: server.dataDir, DATABASE_URL: '', BANSHI_NEW_PASSWORD: 'window-staff-pass' },
    encoding: 'utf8',
  })
  if (created.status !== 0) throw new Error(created.stderr)
})

afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
  await server?.stop()
})

afterEach(() => {
  expect(pageErrors).toEqual([])
})

describe('the live queue, citizen and window staff in two browsers', () => {
  it('a citizen takes a number, staff call it, and the citizen sees "called" without reloading', async () => {
    const citizen = await newPhone()
    await signInByPhone(citizen, server, '13600000005')
    await citizen.goto(`${server.url}/pages/halls/index?item=010100010000`)
    await citizen.getByText(/推荐前往/).first().waitFor()
    expect(await seriousViolations(citizen, 'queue-halls')).toEqual([])
    await citizen.getByRole('link', { name: '看排队:龙华区行政服务大厅' }).click()
    await citizen.getByRole('heading', { name: '龙华区行政服务大厅', level: 1 }).waitFor()
    await citizen.getByText('实时更新中').waitFor()
    expect(await seriousViolations(citizen, 'queue-hall')).toEqual([])
    await citizen.getByRole('button', { name: '取号:综合受理' }).click()
    const numberLabel = citizen.getByLabel(/^您的号码 A\d{3}$/)
    await numberLabel.waitFor()
    const number = ((await numberLabel.getAttribute('aria-label')) ?? '').replace('您的号码 ', '')
    await citizen.getByText('实时更新中').waitFor()
    expect(await seriousViolations(citizen, 'queue-ticket')).toEqual([])

    const staff = await newPhone()
    await staff.goto(`${server.url}/packages/staff/login/index`)
    await staff.getByRole('textbox', { name: '用户名' }).fill('queuetest')
    await staff.getByLabel('密码').fill('window-staff-pass')
    await staff.getByRole('button', { name: '登录', exact: true }).click()
    await staff.getByRole('heading', { name: '工作台', level: 1 }).waitFor()
    await staff.getByRole('link', { name: /^排队叫号/ }).click()
    await staff.getByRole('textbox', { name: '窗口号' }).fill('3')
    await staff.getByRole('button', { name: '开始叫号' }).click()
    await staff.getByText('龙华区行政服务大厅 · 3 号窗口').waitFor()
    expect(await seriousViolations(staff, 'queue-staff-console')).toEqual([])

    // Call until the citizen's number is at this window (a fresh demo hall may have others waiting first).
    const atWindow = async () => ((await staff.locator('.staff-queue__number').count()) ? (await staff.locator('.staff-queue__number').innerText()).trim() : '')
    for (let calls = 0; calls < 30 && (await atWindow()) !== number; calls += 1) {
      const before = await atWindow()
      await staff.getByRole('button', { name: /^(叫下一位|办结并叫下一位)$/ }).click()
      await staff.waitForFunction((previous) => {
        const shown = document.querySelector('.staff-queue__number')
        return !!shown && (shown.textContent ?? '').trim() !== previous
      }, before)
    }
    expect(await atWindow()).toBe(number)

    // The citizen's page was not touched: the socket brought it.
    await citizen.getByText('轮到您了!请到 3 号窗口办理。').waitFor({ timeout: 10_000 })
    await citizen.getByText('请到 3 号窗口办理', { exact: true }).waitFor()
    expect(await citizen.getByRole('alert').innerText()).toContain('轮到您了')
  })
})

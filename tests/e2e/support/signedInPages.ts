// The pages only a signed-in citizen, window staff member or grid worker reaches, with the accounts and data they
// need (an application, an appointment, a ticket, a resident on the round), so the accessibility runs can open
// every H5 page in normal mode, 长辈版 and English. Used by accessibility.e2e, elderlyMode.e2e and english.e2e.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import type { RunningServer } from './server'
import { signInByPhone } from './signIn'

const root = path.resolve(__dirname, '../../..')
export const CITIZEN_PHONE = '13600000031'
const WINDOW_STAFF = { username: 'a11ywindow', password: 'window-staff-pass' }
const GRID_WORKER = { username: 'a11ygrid', password: 'grid-worker-pass' }
const GRID = 'lh-minzhi-baishilong-g1'
const HALL = 'lh-district'
const BOOKABLE_ITEM = '010100010000'
const ONLINE_ITEM = '010100020000'
const DOOR_ITEM = '020200010000'

function cli(server: RunningServer, args: string[], extraEnv: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    env: { ...process.env, BANSHI_DATA_DIR: server.dataDir, BANSHI_DEV_LOGIN: '1', DATABASE_URL: '', BANSHI_FAKE_NOW: '2026-11-25T10:00:00+08:00', ...extraEnv },
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`${args.join(' ')}: ${run.stdout}${run.stderr}`)
}

const withCheckDigit = (first17: string) => {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0)
  return first17 + '10X98765432'[sum % 11]
}

/** Accounts, a booking template and one resident on the grid worker's round, through the operators' CLIs. */
export function prepareSignedInPages(server: RunningServer): void {
  cli(server, ['server/users/cli.ts', '--role', 'window_staff', '--username', WINDOW_STAFF.username, '--name', '无障碍窗口', '--hall', HALL], { BANSHI_NEW_PASSWORD: WINDOW_STAFF.password })
  cli(server, ['server/users/cli.ts', '--role', 'grid_worker', '--username', GRID_WORKER.username, '--name', '无障碍网格', '--grid', GRID], { BANSHI_NEW_PASSWORD: GRID_WORKER.password })
  cli(server, ['server/modules/appointments/cli.ts', 'template', HALL, BOOKABLE_ITEM, '--length', '30', '--places', '4', '--walkin', '1'])
  const register = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-a11y-register-')), 'register.csv')
  fs.writeFileSync(register, `姓名,身份证号,手机,住址,网格,标签,已享受事项\n赵秀兰,${withCheckDigit('44030919400301041')},13900005671,白石龙社区幸福路8号2栋302,${GRID},,020200020000\n`)
  cli(server, ['server/residents/cli.ts', 'import', register])
}

interface CitizenRecords {
  applicationNo: string
  appointmentId: string
}

/**
 * An application (a photo drawn on a canvas per required material) and an appointment for tomorrow, made through
 * the API by a second session of the same citizen (dev sign-in is on in tests).
 */
async function makeCitizenRecords(page: Page): Promise<CitizenRecords> {
  return page.evaluate(
    async ({ phone, onlineItem, bookableItem, hall }) => {
      const signedIn = await fetch('/api/v1/auth/dev', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone }) })
      const authorization = `Bearer ${(await signedIn.json()).accessToken}`
      const json = { authorization, 'content-type': 'application/json' }
      const photo = await new Promise<Blob>((resolve) => {
        const canvas = document.createElement('canvas')
        canvas.width = 64
        canvas.height = 48
        const context = canvas.getContext('2d')!
        context.fillStyle = '#2a6'
        context.fillRect(0, 0, 64, 48)
        canvas.toBlob((blob) => resolve(blob!), 'image/jpeg', 0.8)
      })
      const guide = await (await fetch(`/api/v1/items/${onlineItem}`)).json()
      const required = (guide.materials as Array<{ name: string; required: boolean }>).filter((m) => m.required).map((m) => m.name)
      const uploads: string[] = []
      for (const _ of required) {
        const form = new FormData()
        form.append('file', photo, 'photo.jpg')
        uploads.push((await (await fetch('/api/v1/uploads', { method: 'POST', body: form, headers: { authorization } })).json()).id)
      }
      const application = await fetch('/api/v1/applications', {
        method: 'POST',
        headers: { ...json, 'idempotency-key': `a11y-application-${Date.now()}` },
        body: JSON.stringify({ itemCode: onlineItem, applicant: { name: '张三', idNumber: '11010519491231002X', phone }, materials: uploads, materialNames: required, consent: { sensitive: true } }),
      })
      if (!application.ok) throw new Error(`application: ${application.status} ${await application.text()}`)
      const slots = (await (await fetch(`/api/v1/halls/${hall}/slots?date=2026-11-26&item=${bookableItem}`, { headers: { authorization } })).json()) as Array<{ id: string; remaining: number }>
      const slot = slots.find((s) => s.remaining > 0)
      if (!slot) throw new Error('no bookable slot on 2026-11-26')
      const appointment = await fetch('/api/v1/appointments', {
        method: 'POST',
        headers: { ...json, 'idempotency-key': `a11y-appointment-${Date.now()}` },
        body: JSON.stringify({ slotId: slot.id, itemCode: bookableItem, name: '张三', phone, idNumber: '11010519491231002X' }),
      })
      if (!appointment.ok) throw new Error(`appointment: ${appointment.status} ${await appointment.text()}`)
      return { applicationNo: (await application.json()).no as string, appointmentId: (await appointment.json()).id as string }
    },
    { phone: CITIZEN_PHONE, onlineItem: ONLINE_ITEM, bookableItem: BOOKABLE_ITEM, hall: HALL },
  )
}

async function signInAsStaff(page: Page, server: RunningServer, account: { username: string; password: string }) {
  await page.goto(`${server.url}/packages/staff/login/index`)
  await page.getByRole('textbox', { name: '用户名' }).fill(account.username)
  await page.getByLabel('密码').fill(account.password)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.waitForURL((url) => !url.pathname.includes('/staff/login'))
}

type Ready = (page: Page) => Promise<unknown>
/** Called on each page once it has drawn; returns what is wrong there (empty when nothing is). */
export type PageCheck = (page: Page, name: string) => Promise<string[]>

async function visit(page: Page, url: string, ready: Ready, name: string, check: PageCheck, found: Record<string, string[]>) {
  await page.goto(url)
  await ready(page)
  const problems = await check(page, name)
  if (problems.length) found[name] = problems
}

/**
 * Signs in as each role in turn on `page` and runs `check` on every page that role has; the problems found, by page
 * name (an empty object when there are none). Chinese interface: the waits look for Chinese text.
 */
export async function checkSignedInPages(page: Page, server: RunningServer, check: PageCheck): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {}
  const at = (pathAndQuery: string) => `${server.url}${pathAndQuery}`

  await signInByPhone(page, server, CITIZEN_PHONE)
  const records = await makeCitizenRecords(page)
  await visit(page, at(`/packages/apply/form/index?code=${ONLINE_ITEM}`), (p) => p.getByRole('textbox', { name: '姓名' }).waitFor(), 'apply-form', check, found)
  await visit(page, at('/packages/apply/mine/index'), (p) => p.getByRole('link', { name: /居民身份证换领/ }).first().waitFor(), 'my-applications', check, found)
  await visit(page, at(`/packages/apply/detail/index?no=${records.applicationNo}`), (p) => p.getByText(/^已提交材料:/).waitFor(), 'application-detail', check, found)
  await visit(page, at(`/packages/booking/book/index?item=${BOOKABLE_ITEM}&hall=${HALL}`), (p) => p.getByRole('button', { name: /11月26日 周四/ }).waitFor(), 'booking-book', check, found)
  await visit(page, at(`/packages/booking/detail/index?id=${records.appointmentId}`), (p) => p.getByRole('button', { name: '取消预约' }).waitFor(), 'booking-detail', check, found)
  await visit(page, at('/packages/booking/mine/index'), (p) => p.getByRole('link', { name: /^居民身份证申领,已预约/ }).waitFor(), 'booking-mine', check, found)
  await visit(page, at(`/pages/hall/index?id=${HALL}`), (p) => p.getByRole('button', { name: '取号:综合受理' }).waitFor(), 'hall-signed-in', check, found)
  await page.getByRole('button', { name: '取号:综合受理' }).click()
  await page.getByLabel(/^您的号码 A\d{3}$/).waitFor()
  const problems = await check(page, 'ticket')
  if (problems.length) found.ticket = problems
  await visit(page, at(`/pages/progress/index?no=${records.applicationNo}&phoneLast4=${CITIZEN_PHONE.slice(-4)}`), (p) => p.getByRole('list', { name: '办理进度' }).waitFor(), 'progress-result', check, found)

  await signInAsStaff(page, server, WINDOW_STAFF)
  await visit(page, at('/packages/staff/index/index'), (p) => p.getByRole('heading', { name: '工作台', level: 1 }).waitFor(), 'staff-home', check, found)
  await visit(page, at('/packages/staff/queue/index'), (p) => p.getByRole('textbox', { name: '窗口号' }).waitFor(), 'staff-queue', check, found)
  await visit(page, at(`/packages/staff/applications/index?no=${records.applicationNo}`), (p) => p.getByText(/^身份证号:/).waitFor(), 'staff-applications', check, found)

  await signInAsStaff(page, server, GRID_WORKER)
  await visit(page, at('/packages/grid/home/index'), (p) => p.getByRole('link', { name: /赵秀兰/ }).waitFor(), 'grid-home', check, found)
  await page.getByRole('link', { name: /赵秀兰/ }).click()
  await page.getByRole('heading', { name: '赵秀兰', level: 1 }).waitFor()
  const resident = await check(page, 'grid-resident')
  if (resident.length) found['grid-resident'] = resident
  const residentId = new URL(page.url()).searchParams.get('id') ?? ''
  await visit(page, at(`/packages/grid/apply/index?resident=${encodeURIComponent(residentId)}&item=${DOOR_ITEM}`), (p) => p.getByText(/申请人:赵秀兰/).waitFor(), 'grid-apply', check, found)
  await visit(page, at('/packages/grid/outbox/index'), (p) => p.getByText(/没有待发送的申请|赵秀兰/).first().waitFor(), 'grid-outbox', check, found)
  return found
}

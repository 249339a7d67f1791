// Booking in a real browser against the real server: a citizen books a slot from a guide, sees the confirmation
// with the appointment code and its QR code (the SVG drawn is exactly the shared encoder's symbol), and cancels it.
// Also the booking page in 长辈版 and in English for the screenshot set (artifacts/screenshots/).
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { encodeQr } from '@/domain/qrCode'
import { phonePageSuite } from './support/phonePage'
import { signInByPhone } from './support/signIn'
import { seriousViolations } from './support/audit'

const root = path.resolve(__dirname, '../..')
const ITEM = '010100010000'
const HALL = 'lh-district'

// The e2e server runs without demo data: the hall gets a booking template for the item through the operators' CLI.
const suite = phonePageSuite((server) => {
  const made = spawnSync(process.execPath, ['--import', 'tsx', 'server/modules/appointments/cli.ts', 'template', HALL, ITEM, '--length', '30', '--places', '4', '--walkin', '1'], {
    cwd: root,
    env: { ...process.env, BANSHI_DATA_DIR: server.dataDir, DATABASE_URL: '', BANSHI_DEV_LOGIN: '1', BANSHI_FAKE_NOW: '2026-11-25T10:00:00+08:00' },
    encoding: 'utf8',
  })
  if (made.status !== 0) throw new Error(made.stderr || made.stdout)
})

async function openBooking(page: Page) {
  await page.goto(`${suite.server.url}/pages/guide/index?code=${ITEM}`)
  await page.getByRole('button', { name: '预约办理' }).click()
  await page.getByRole('heading', { name: '预约:居民身份证申领', level: 1 }).waitFor()
}

describe('booking an appointment, in a real browser', () => {
  it('a citizen books from the guide, sees the code and its QR code, and cancels', async () => {
    const { page, server } = suite
    await signInByPhone(page, server, '13600000011')
    await openBooking(page)
    await page.getByRole('button', { name: /^龙华区行政服务大厅,/ }).click()
    await page.getByRole('button', { name: /11月26日 周四,余\d+个/ }).click()
    await page.getByRole('button', { name: /^\d{2}:\d{2}–\d{2}:\d{2},余\d+个$/ }).first().click()
    expect(await seriousViolations(page, 'booking-choose')).toEqual([])
    await page.getByRole('button', { name: '下一步:填写预约人信息' }).click()
    expect(await page.getByRole('textbox', { name: '手机号' }).inputValue()).toBe('13600000011')
    await page.getByRole('textbox', { name: '姓名' }).fill('张三')
    await page.getByRole('textbox', { name: '身份证号' }).fill('11010519491231002X')
    expect(await seriousViolations(page, 'booking-details')).toEqual([])
    await page.getByRole('button', { name: '下一步:核对预约' }).click()
    await page.getByRole('heading', { name: '核对预约信息' }).waitFor()
    await page.getByRole('checkbox', { name: '我同意提交身份证号等个人信息用于预约' }).click()
    expect(await seriousViolations(page, 'booking-confirm')).toEqual([])
    await page.getByRole('button', { name: '确认预约' }).click()

    await page.getByRole('heading', { name: '预约成功', level: 1 }).waitFor()
    const code = (await page.locator('.booking__code').innerText()).trim()
    expect(code.length).toBeGreaterThan(3)
    const qr = page.getByRole('img', { name: `预约码二维码,预约码 ${code}` })
    await qr.waitFor()
    const drawn = await qr.locator('path').getAttribute('d')
    expect(drawn!.match(/M/g)!.length).toBe(encodeQr(code).dark.flat().filter(Boolean).length)
    await page.locator('.booking .checklist__name', { hasText: '居民户口簿' }).first().waitFor()
    expect(await seriousViolations(page, 'booking-confirmation')).toEqual([])

    // 我的预约 lists it as upcoming.
    await page.goto(`${server.url}/packages/booking/mine/index`)
    const row = page.getByRole('link', { name: /^居民身份证申领,已预约,.*11月26日/ })
    await row.waitFor()
    expect(await seriousViolations(page, 'my-appointments')).toEqual([])
    await row.click()
    await page.getByRole('heading', { name: '居民身份证申领', level: 1 }).waitFor()

    await page.getByRole('button', { name: '取消预约' }).click()
    await page.getByText('确认取消', { exact: true }).click()
    await page.locator('.booking__confirmation .booking__status', { hasText: '已取消' }).waitFor()
    expect(await page.getByRole('img', { name: /预约码二维码/ }).count()).toBe(0)

    // The server agrees, and the place is free again.
    const state = await page.evaluate(async () => {
      const signedIn = await fetch('/api/v1/auth/dev', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: '13600000011' }) })
      const token = (await signedIn.json()).accessToken
      return (await (await fetch('/api/v1/appointments', { headers: { authorization: `Bearer ${token}` } })).json()) as Array<{ status: string }>
    })
    expect(state.map((a) => a.status)).toEqual(['cancelled'])
  })

  it('the booking page in 长辈版 and in English', async () => {
    const { page, server } = suite
    await signInByPhone(page, server, '13600000012')
    await page.goto(server.url)
    await page.getByRole('button', { name: '打开长辈版' }).click()
    await openBooking(page)
    await page.getByRole('button', { name: /^龙华区行政服务大厅,/ }).click()
    await page.getByRole('button', { name: /11月26日 周四,余\d+个/ }).waitFor()
    await page.getByRole('link', { name: /打电话问/ }).waitFor()
    expect(await seriousViolations(page, 'elderly-booking')).toEqual([])

    await page.goto(`${server.url}/pages/me/index`)
    await page.getByRole('switch', { name: /长辈版/ }).click()
    await page.getByRole('button', { name: 'English' }).click()
    await page.goto(`${server.url}/packages/booking/book/index?item=${ITEM}&hall=${HALL}`)
    await page.getByRole('heading', { name: 'Book: 居民身份证申领', level: 1 }).waitFor()
    await page.getByRole('button', { name: /Thu 26 Nov, \d+ left/ }).waitFor()
    expect(await seriousViolations(page, 'en-booking')).toEqual([])
  })
})

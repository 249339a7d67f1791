// Applying online in a real browser against the real server: a citizen uploads a photo per material (compressed on
// a real canvas, sent as multipart), submits, window staff accept it, and anyone with the number and the phone's
// last four digits sees the new status and the promised date.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { phonePageSuite } from './support/phonePage'
import { signInByPhone } from './support/signIn'
import { seriousViolations } from './support/audit'

const root = path.resolve(__dirname, '../..')
const PHOTO = path.join(root, 'tests/fixtures/photo-with-gps.jpg')

const suite = phonePageSuite((server) => {
  const created = spawnSync(process.execPath, ['--import', 'tsx', 'server/users/cli.ts', '--role', 'window_staff', '--username', 'windowtest', '--name', '窗口测试', '--hall', 'lh-district'], {
    cwd: root,
    env: { ...process.env, BANSHI_DATA_DIR: server.dataDir, DATABASE_URL: '', BANSHI_NEW_PASSWORD: 'window-staff-pass' },
    encoding: 'utf8',
  })
  if (created.status !== 0) throw new Error(created.stderr)
})

async function uploadFromAlbum(page: Page, index: number) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: '从相册选' }).nth(index).click()
  await (await chooser).setFiles(PHOTO)
}

describe('applying online and following the progress, in a real browser', () => {
  let no = ''

  it('a citizen applies from the guide with a photo per material', async () => {
    const { page, server } = suite
    await signInByPhone(page, server, '13600000001')
    await page.goto(`${server.url}/pages/guide/index?code=010100020000`)
    await page.getByRole('button', { name: '在线申请' }).click()
    await page.getByRole('heading', { name: '居民身份证换领', level: 1 }).waitFor()
    await page.getByRole('textbox', { name: '姓名' }).fill('张三')
    await page.getByRole('textbox', { name: '身份证号' }).fill('11010519491231002X')
    expect(await page.getByRole('textbox', { name: '手机号' }).inputValue()).toBe('13600000001')
    await uploadFromAlbum(page, 0)
    await page.getByText(/已上传\(\d+ KB\)/).first().waitFor()
    await uploadFromAlbum(page, 1)
    await page.getByText(/已上传\(\d+ KB\)/).nth(1).waitFor()
    expect(await seriousViolations(page, 'apply-form')).toEqual([])
    await page.getByRole('button', { name: '下一步:核对信息' }).click()
    await page.getByRole('heading', { name: '核对申请信息' }).waitFor()
    expect(await seriousViolations(page, 'apply-review')).toEqual([])
    await page.getByRole('checkbox', { name: '我同意提交身份证号等个人信息用于办理本事项' }).click()
    await page.getByRole('button', { name: '确认提交' }).click()
    await page.getByRole('heading', { name: '申请已提交' }).waitFor()
    expect(await seriousViolations(page, 'apply-done')).toEqual([])
    no = (await page.locator('.apply__no').innerText()).replace(/\s/g, '')
    expect(no).toMatch(/^20261125[0-9A-Z]{11}$/)

    // The photo stored on the server is a JPEG the canvas drew: no EXIF left, and no location.
    const stored = await page.evaluate(async (number) => {
      // A second session of the same citizen (dev sign-in is on in tests) to read what the server stored.
      const signedIn = await fetch('/api/v1/auth/dev', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: '13600000001' }) })
      const token = (await signedIn.json()).accessToken
      const detail = await (await fetch(`/api/v1/applications/${number}`, { headers: { authorization: `Bearer ${token}` } })).json()
      const bytes = new Uint8Array(await (await fetch(`/api/v1/uploads/${detail.materials[0].uploadId}`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer())
      return { names: detail.materials.map((m: { name: string }) => m.name), head: Array.from(bytes.slice(0, 3)), text: new TextDecoder('latin1').decode(bytes) }
    }, no)
    expect(stored.names).toEqual(['居民身份证', '居民户口簿'])
    expect(stored.head).toEqual([0xff, 0xd8, 0xff])
    expect(stored.text).not.toContain('GPS 22.6566N')

    // And it is the newest in 我的办件.
    await page.getByRole('button', { name: '我的办件' }).click()
    await page.getByRole('link', { name: /居民身份证换领/ }).first().click()
    await page.getByText('已提交材料:居民身份证、居民户口簿').waitFor()
    expect(await seriousViolations(page, 'application-detail')).toEqual([])
  })

  it('window staff find it by number and accept it', async () => {
    const { page, server } = suite
    expect(no).not.toBe('')
    await page.goto(`${server.url}/packages/staff/login/index`)
    await page.getByRole('textbox', { name: '用户名' }).fill('windowtest')
    await page.getByLabel('密码').fill('window-staff-pass')
    await page.getByRole('button', { name: '登录', exact: true }).click()
    // Window staff land on their desk (工作台).
    await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor()
    await page.goto(`${server.url}/packages/staff/applications/index`)
    await page.getByRole('textbox', { name: '办件编号' }).fill(no)
    await page.getByRole('button', { name: '查找' }).click()
    await page.getByText('身份证号:11010519491231002X').waitFor()
    // The hall's staff open the photo the citizen sent (the read is audited).
    await page.getByRole('button', { name: '查看照片:居民身份证' }).click()
    await page.locator('.material-photos__image img').first().waitFor()
    expect(await page.locator('.material-photos__image img').first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
    await page.getByRole('button', { name: '受理', exact: true }).click()
    await page.getByText('承诺办结日:2026-12-16').waitFor()
    await page.getByRole('button', { name: '一次性告知补正' }).click()
    await page.getByRole('button', { name: '未选 居民户口簿' }).waitFor()
    // Taro's own toast (已记录) is not ours to audit: let it fade first.
    await page.getByText('已记录', { exact: true }).waitFor({ state: 'hidden' })
    expect(await seriousViolations(page, 'staff-application')).toEqual([])
  })

  it('anyone with the number and the last four digits sees it accepted, with the promised date', async () => {
    const { page, server } = suite
    await page.goto(`${server.url}/pages/progress/index`)
    await page.getByRole('textbox', { name: '办件编号' }).fill(no)
    await page.getByRole('textbox', { name: '手机号后四位' }).fill('9999')
    await page.getByRole('button', { name: '查询' }).click()
    await page.getByText('没有找到这个办件').waitFor()
    await page.getByRole('textbox', { name: '手机号后四位' }).fill('0001')
    await page.getByRole('button', { name: '查询' }).click()
    await page.getByRole('heading', { name: '居民身份证换领', level: 1 }).waitFor()
    await page.getByText('承诺办结日:2026-12-16').waitFor()
    await page.getByText('距承诺办结还有 15 个工作日').waitFor()
    expect(await page.getByText('已受理').count()).toBeGreaterThan(0)
    expect(await seriousViolations(page, 'progress-result')).toEqual([])
  })
})

// Signing in through the real pages against the real server: a citizen by phone and SMS code (the development SMS
// provider prints the code to the server's console, where this test reads it), and a staff member by password.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { phonePageSuite } from './support/phonePage'
import { codeTextedTo } from './support/signIn'

const root = path.resolve(__dirname, '../..')

const suite = phonePageSuite((server) => {
  const created = spawnSync(process.execPath, ['--import', 'tsx', 'server/users/cli.ts', '--role', 'grid_worker', '--username', 'gridtest', '--name', '网格员丙', '--grid', 'lh-minzhi-daling-g1'], {
    cwd: root,
    env: { ...process.env, BANSHI_DATA_DIR: server.dataDir, DATABASE_URL: '', BANSHI_NEW_PASSWORD: 'grid-worker-pass' },
    encoding: 'utf8',
  })
  if (created.status !== 0) throw new Error(created.stderr)
})

describe('signing in, in a real browser', () => {
  it('a citizen signs in with phone and SMS code, stays signed in across a reload, and signs out', async () => {
    const { page, server } = suite
    await page.goto(server.url)
    await page.getByRole('link', { name: '我的:登录、个人信息' }).click()
    await page.getByRole('heading', { name: '您还没有登录' }).waitFor()
    await page.getByRole('button', { name: '手机号登录' }).click()

    await page.getByRole('textbox', { name: '手机号码' }).fill('13912345678')
    await page.getByRole('button', { name: '获取验证码' }).click()
    await page.getByText('验证码已发送到 139****5678').waitFor()
    const code = await codeTextedTo(server, '139****5678')
    await page.getByRole('textbox', { name: '短信验证码' }).fill(code)
    await page.getByRole('checkbox', { name: '我已阅读并同意个人信息保护说明' }).click()
    await page.getByRole('button', { name: '登录', exact: true }).click()

    await page.getByRole('heading', { name: '139****5678', level: 1 }).waitFor()
    await page.getByText('手机号码:13912345678').waitFor()
    await page.getByText('手机浏览器(本机)').waitFor()

    await page.reload()
    await page.getByRole('heading', { name: '139****5678', level: 1 }).waitFor()

    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByRole('button', { name: '退出登录' }).click()
    // Taro's H5 modal is drawn in the page: confirm it there.
    const confirm = page.getByText('退出', { exact: true }).last()
    if (await confirm.isVisible().catch(() => false)) await confirm.click()
    await page.getByRole('heading', { name: '您还没有登录' }).waitFor()
    const stored = await page.evaluate(() => localStorage.getItem('banshi.session') ?? '')
    expect(stored).not.toContain('refreshToken":"')
  })

  it('a grid worker signs in with the account an administrator created', async () => {
    const { page, server } = suite
    await page.goto(`${server.url}/packages/staff/login/index`)
    await page.getByRole('textbox', { name: '用户名' }).fill('gridtest')
    await page.getByLabel('密码').fill('wrong password')
    await page.getByRole('button', { name: '登录', exact: true }).click()
    await page.getByText('用户名或密码不正确').waitFor()
    await page.getByLabel('密码').fill('grid-worker-pass')
    await page.getByRole('button', { name: '登录', exact: true }).click()
    // A grid worker starts on their round, titled with their grid; 我的 shows who is signed in.
    await page.getByRole('heading', { name: '大岭社区第一网格', level: 1 }).waitFor()
    await page.goto(`${server.url}/pages/me/index`)
    await page.getByRole('heading', { name: '网格员丙', level: 1 }).waitFor()
    await page.getByText(/网格员 · 大岭社区第一网格/).waitFor()
  })
})

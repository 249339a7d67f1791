import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'

export const screenshotDir = path.resolve(__dirname, '../../../artifacts/screenshots')
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: Array<{ target: string[] }>
}

/** Saves a full-page screenshot under `name`, then runs axe-core: the serious and critical violations, readable. */
export async function seriousViolations(page: Page, name: string): Promise<string[]> {
  fs.mkdirSync(screenshotDir, { recursive: true })
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true })
  await page.addScriptTag({ content: axeSource })
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations
  })) as Violation[]
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

/** Every H5 page a citizen or staff member reaches without signing in, with how to tell it has drawn. */
export const PUBLIC_PAGES: Array<[string, string, (page: Page) => Promise<unknown>]> = [
  ['search', `/pages/search/index?q=${encodeURIComponent('身份证')}`, (p) => p.getByText(/找到 \d+ 个事项/).waitFor()],
  ['guide', '/pages/guide/index?code=010100010000', (p) => p.getByRole('heading', { name: '居民身份证申领', level: 1 }).waitFor()],
  ['browse', '/pages/browse/index?tab=topics', (p) => p.getByRole('link').first().waitFor()],
  ['items', `/pages/items/index?topic=${encodeURIComponent('社会保障')}`, (p) => p.getByRole('link').first().waitFor()],
  ['me-signed-out', '/pages/me/index', (p) => p.getByRole('heading', { name: '您还没有登录' }).waitFor()],
  ['login', '/pages/login/index', (p) => p.getByRole('heading', { name: '手机号登录' }).waitFor()],
  ['staff-login', '/packages/staff/login/index', (p) => p.getByRole('heading', { name: '工作人员登录' }).waitFor()],
  ['progress', '/pages/progress/index', (p) => p.getByRole('heading', { name: '查办件进度' }).waitFor()],
  ['my-applications-signed-out', '/packages/apply/mine/index', (p) => p.getByText('登录后查看我的办件').waitFor()],
  ['staff-applications-signed-out', '/packages/staff/applications/index', (p) => p.getByText('请用窗口工作人员账号登录').waitFor()],
  ['halls', '/pages/halls/index', (p) => p.getByText(/人等候|未公开排队信息/).first().waitFor()],
  ['halls-for-item', '/pages/halls/index?item=010100010000', (p) => p.getByText(/推荐前往|没有开门的大厅/).first().waitFor()],
  ['hall', '/pages/hall/index?id=lh-district', (p) => p.getByText(/^正在叫号/).first().waitFor()],
  ['staff-home-signed-out', '/packages/staff/index/index', (p) => p.getByText('请用窗口工作人员账号登录').waitFor()],
  ['staff-queue-signed-out', '/packages/staff/queue/index', (p) => p.getByText('请用窗口工作人员账号登录').waitFor()],
  ['booking-signed-out', '/packages/booking/book/index?item=010100010000', (p) => p.getByText('登录后预约').waitFor()],
  ['my-appointments-signed-out', '/packages/booking/mine/index', (p) => p.getByText('登录后查看我的预约').waitFor()],
]

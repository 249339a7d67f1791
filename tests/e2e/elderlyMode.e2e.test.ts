// 长辈版 end to end: offered on first launch, switched on by a tap, remembered, and on every page large enough for
// older eyes and fingers (工信部适老化规范: text ≥ 18 dp, targets ≥ 60 × 60 dp) with no serious axe violations.
import type { Page } from 'playwright-core'
import { phonePageSuite } from './support/phonePage'
import { PUBLIC_PAGES, seriousViolations } from './support/audit'
import { checkSignedInPages, prepareSignedInPages } from './support/signedInPages'

const suite = phonePageSuite(prepareSignedInPages)

async function switchOnFromHome(page: Page) {
  await page.goto(suite.server.url)
  await page.getByText('觉得字太小?').waitFor()
  await page.getByRole('button', { name: '打开长辈版' }).click()
  await page.getByRole('link', { name: /^办事指南/ }).waitFor()
}

/** Visible text smaller than 18 CSS px and tappable things smaller than 60 × 60, described for a failure message. */
async function tooSmall(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const visible = (el: Element) => {
      const rect = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      return rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden' && style.display !== 'none'
    }
    const describe = (el: Element) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} "${(el.textContent ?? '').trim().slice(0, 20)}"`
    for (const el of Array.from(document.querySelectorAll("#app *"))) {
      if (!visible(el) || el.closest('[aria-hidden="true"]')) continue
      const ownText = Array.from(el.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '')
      if (ownText && Number.parseFloat(getComputedStyle(el).fontSize) < 18) {
        problems.push(`text ${getComputedStyle(el).fontSize}: ${describe(el)}`)
      }
      const role = el.getAttribute('role')
      if (role === 'button' || role === 'link' || role === 'switch' || role === 'checkbox' || el.tagName === 'BUTTON' || el.tagName === 'INPUT') {
        const rect = el.getBoundingClientRect()
        if (rect.height < 60 || rect.width < 60) problems.push(`target ${Math.round(rect.width)}×${Math.round(rect.height)}: ${describe(el)}`)
      }
    }
    return problems
  })
}

describe('长辈版 (elderly mode)', () => {
  it('is offered on first launch, shows a simple home with a call button, and is remembered', async () => {
    const { page } = suite
    await switchOnFromHome(page)
    await page.getByRole('link', { name: /打电话问/ }).waitFor()
    expect(await page.getByText('大家都在办').count()).toBe(0)
    await page.reload()
    await page.getByRole('link', { name: /^办事指南/ }).waitFor()
    expect(await page.getByText('觉得字太小?').count()).toBe(0)
    expect(await tooSmall(page)).toEqual([])
    expect(await seriousViolations(page, 'elderly-home')).toEqual([])
  })

  it('can be switched off again in 我的', async () => {
    const { page } = suite
    await switchOnFromHome(page)
    await page.goto(`${suite.server.url}/pages/me/index`)
    const modeSwitch = page.getByRole('switch', { name: /长辈版/ })
    expect(await modeSwitch.getAttribute('aria-checked')).toBe('true')
    await modeSwitch.click()
    expect(await modeSwitch.getAttribute('aria-checked')).toBe('false')
    await page.goto(suite.server.url)
    await page.getByRole('heading', { name: '按主题办事' }).waitFor()
  })

  it.each(PUBLIC_PAGES)('%s is large enough and has no serious axe violations', async (name, url, ready) => {
    const { page } = suite
    await switchOnFromHome(page)
    await page.goto(`${suite.server.url}${url}`)
    await ready(page)
    await page.getByRole('link', { name: /打电话问/ }).waitFor()
    expect(await tooSmall(page)).toEqual([])
    expect(await seriousViolations(page, `elderly-${name}`)).toEqual([])
  })

  it('every page of a signed-in citizen, window staff member and grid worker has the call button and no serious axe violations', async () => {
    const { page, server } = suite
    await switchOnFromHome(page)
    const found = await checkSignedInPages(page, server, async (current, name) => {
      const call = await current.getByRole('link', { name: /打电话问/ }).count()
      return [...(call ? [] : ['no tap-to-call button']), ...(await seriousViolations(current, `elderly-${name}`))]
    })
    expect(found).toEqual({})
  }, 300_000)
})

import type { Page } from 'playwright-core'
import type { RunningServer } from './server'

/** The code the development SMS provider printed to the server's console for this (masked) phone. */
export async function codeTextedTo(server: RunningServer, masked: string): Promise<string> {
  const pattern = new RegExp(`sign-in code for ${masked.replace(/\*/g, '\\*')}: (\\d{6})`)
  for (let i = 0; i < 50; i += 1) {
    const matches = [...server.log().matchAll(new RegExp(pattern, 'g'))]
    if (matches.length) return matches[matches.length - 1][1]
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`no code in the server log:\n${server.log()}`)
}

/** Signs a citizen in through the phone sign-in page, as a person would. */
export async function signInByPhone(page: Page, server: RunningServer, phone: string): Promise<void> {
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`
  await page.goto(`${server.url}/pages/login/index`)
  await page.getByRole('textbox', { name: '手机号码' }).fill(phone)
  await page.getByRole('button', { name: '获取验证码' }).click()
  await page.getByText(`验证码已发送到 ${masked}`).waitFor()
  await page.getByRole('textbox', { name: '短信验证码' }).fill(await codeTextedTo(server, masked))
  await page.getByRole('checkbox', { name: '我已阅读并同意个人信息保护说明' }).click()
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.getByRole('heading', { name: masked, level: 1 }).waitFor()
}

// A phone's browser with a profile kept on disk, as an installed PWA has: Chromium offers to install and keeps
// service workers and push permission only in such a profile, not in an incognito one.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

export interface PhoneProfile {
  context: BrowserContext
  page: Page
  /** Errors thrown in the page; tests expect none. */
  pageErrors: string[]
  close(): Promise<void>
}

export async function openPhoneProfile(name: string): Promise<PhoneProfile> {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), `banshi-${name}-`))
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  return {
    context,
    page,
    pageErrors,
    async close() {
      await context.close()
      fs.rmSync(profileDir, { recursive: true, force: true })
    },
  }
}

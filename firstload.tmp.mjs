import { chromium } from 'playwright-core'
import zlib from 'node:zlib'
const url = process.argv[2]
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] })
const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
const js = []
page.on('response', async (res) => { const u = res.url(); if (u.endsWith('.js') || u.endsWith('.css')) { const b = await res.body().catch(() => null); if (b) js.push([u.replace(/.*\//,''), b.length, zlib.gzipSync(b, {level: 9}).length]) } })
await page.goto(url, { waitUntil: 'networkidle' })
await page.waitForTimeout(500)
let t = 0; for (const j of js) { console.log(j.join('\t')); if (j[0].endsWith('.js')) t += j[2] }
console.log('JS gzip total', t)
console.log((await page.content()).slice(0, 300))
await page.screenshot({ path: '/tmp/home.png' })
await browser.close()

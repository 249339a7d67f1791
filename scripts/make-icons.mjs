// Renders the PWA icons (src/pwa/icons/*.png) from one drawing, in Debian's Chromium. Run by hand when the icon
// changes (`node scripts/make-icons.mjs`); the PNGs are committed, so builds need no browser.
import fs from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'

const out = path.resolve('src/pwa/icons')
const BLUE = '#1559b7'

// `maskable`: Android crops to a circle or squircle, so the mark stays inside the central 80 % safe zone.
function page(size, maskable) {
  const radius = maskable ? 0 : size * 0.2
  const glyph = size * (maskable ? 0.46 : 0.58)
  return `<!doctype html><html><body style="margin:0">
    <div style="width:${size}px;height:${size}px;background:${BLUE};border-radius:${radius}px;display:flex;
      align-items:center;justify-content:center;color:#fff;font:700 ${glyph}px 'WenQuanYi Micro Hei',sans-serif;
      line-height:1">办</div></body></html>`
}

const icons = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'maskable-512.png', size: 512, maskable: true },
  { file: 'apple-touch-icon-180.png', size: 180, maskable: true },
]

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' })
try {
  fs.mkdirSync(out, { recursive: true })
  for (const icon of icons) {
    const tab = await browser.newPage({ viewport: { width: icon.size, height: icon.size } })
    await tab.setContent(page(icon.size, icon.maskable))
    await tab.screenshot({ path: path.join(out, icon.file), omitBackground: !icon.maskable })
    await tab.close()
    console.log(`${icon.file} ${icon.size}×${icon.size}`)
  }
} finally {
  await browser.close()
}

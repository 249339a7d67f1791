// index.html draws the home page's top before any JavaScript has arrived (a slow phone network can take seconds).
// It must say what the page will say, and stay away where the page will look different.
import fs from 'node:fs'
import path from 'node:path'
import { zh } from '@/i18n/zh'

const html = fs.readFileSync(path.resolve(__dirname, '../../../src/index.html'), 'utf8')
const shellScript = /<div id="boot-shell"[^>]*><\/div>\s*<script>([\s\S]*?)<\/script>/.exec(html)![1]

/** What Taro's H5 storage writes for a zustand store: the store's JSON inside a `data` field. */
const taroStored = (state: object) => JSON.stringify({ data: JSON.stringify({ state, version: 0 }) })

function openHome(options: { path?: string; language?: string; stored?: Record<string, object> } = {}): HTMLElement | null {
  document.body.innerHTML = '<div id="app"></div><div id="boot-shell" aria-hidden="true"></div>'
  localStorage.clear()
  for (const [key, state] of Object.entries(options.stored ?? {})) localStorage.setItem(key, taroStored(state))
  window.history.replaceState(null, '', options.path ?? '/')
  jest.spyOn(navigator, 'languages', 'get').mockReturnValue([options.language ?? 'zh-CN'])
  new Function(shellScript)()
  return document.getElementById('boot-shell')
}

/** The texts drawn, in reading order (spans holding other spans are only layout). */
const words = (shell: HTMLElement | null) =>
  Array.from(shell?.querySelectorAll('span') ?? []).filter((span) => span.children.length === 0).map((span) => span.textContent)

afterEach(() => jest.useRealTimers())

describe('the home page drawn by index.html before the app loads', () => {
  it('shows, on a first visit, the offer of 长辈版 above the top of the home page, in the app’s own words', () => {
    const shell = openHome()
    expect(words(shell)).toEqual([
      zh['mode.offer'],
      zh['mode.switchOn'],
      zh['mode.noThanks'],
      zh['app.name'],
      zh['home.elderlyLink'],
      zh['home.me'],
      zh['home.subtitle'],
    ])
    expect(shell?.querySelector('.box')?.textContent).toBe(zh['search.placeholder'])
  })

  it('leaves the offer out once it has been answered', () => {
    const shell = openHome({ stored: { 'banshi.displayMode': { elderly: false, decided: true, automatic: false } } })
    expect(words(shell)[0]).toBe(zh['app.name'])
    expect(shell?.textContent).not.toContain(zh['mode.offer'])
  })

  it('stays away in 长辈版, in English, and on every other page', () => {
    expect(openHome({ stored: { 'banshi.displayMode': { elderly: true, decided: true, automatic: false } } })).toBeNull()
    expect(openHome({ language: 'en-GB' })).toBeNull()
    expect(openHome({ stored: { 'banshi.language': { choice: 'en' } } })).toBeNull()
    expect(openHome({ path: '/pages/guide/index' })).toBeNull()
    // Chinese chosen in 我的 on an English phone: the app speaks Chinese, so the shell does too.
    expect(openHome({ language: 'en-US', stored: { 'banshi.language': { choice: 'zh' } } })).not.toBeNull()
  })

  it('goes as soon as the app has drawn the real top of the page', async () => {
    const shell = openHome()
    const hero = document.createElement('div')
    hero.className = 'home__hero'
    document.getElementById('app')!.appendChild(hero)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(shell?.isConnected).toBe(false)
  })
})

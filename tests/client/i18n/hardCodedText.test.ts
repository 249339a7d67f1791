// Every sentence a page shows goes through src/i18n; Chinese typed straight into a page, component or platform
// file would stay Chinese in English mode. Catalog values the code compares against are data, not sentences.
import fs from 'node:fs'
import path from 'node:path'

const src = path.resolve(__dirname, '../../../src')
const SCANNED = ['pages', 'packages', 'components', 'platform', 'stores', 'hooks']
const CATALOG_VALUES = /'(全程网办|网上预审|窗口办理|即办件|承诺件|免费|原件|复印件|原件和复印件|电子材料)'/g
// 好差评 tags are sent as the Chinese words the hall's statistics count; only their labels are translated.
const RATING_TAGS = /tag: '[\u4e00-\u9fff]+'/g

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return files(full)
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.config.ts') ? [full] : []
  })
}

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
}

describe('user-facing text', () => {
  it('is never hard-coded Chinese in pages, components, platform code, stores or hooks', () => {
    const offenders = SCANNED.flatMap((folder) => files(path.join(src, folder))).flatMap((file) =>
      withoutComments(fs.readFileSync(file, 'utf8'))
        .split('\n')
        .map((line) => line.replace(CATALOG_VALUES, "''").replace(RATING_TAGS, ''))
        .filter((line) => /[\u4e00-\u9fff]/.test(line))
        .map((line) => `${path.relative(src, file)}: ${line.trim()}`),
    )
    expect(offenders).toEqual([])
  })
})

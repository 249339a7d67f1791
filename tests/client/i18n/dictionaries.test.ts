// Page groups' dictionaries (src/i18n/<group>.{zh,en}.ts) stay out of the first load: the core catalog never
// imports them, and every module that shows one of their sentences imports src/i18n/<group>.ts, which registers
// them. Without that import a page would show the raw key, so this test finds every such module.
import fs from 'node:fs'
import path from 'node:path'

const srcDir = path.resolve(__dirname, '../../../src')
const i18nDir = path.join(srcDir, 'i18n')
const domainDir = path.join(srcDir, 'domain')

const groups = fs
  .readdirSync(i18nDir)
  .filter((file) => file.endsWith('.zh.ts'))
  .map((file) => file.slice(0, -'.zh.ts'.length))

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    // The domain only names keys (it stays free of the i18n runtime); the modules that word them register them.
    if (entry.isDirectory()) return full === i18nDir || full === domainDir ? [] : sourceFiles(full)
    return /\.tsx?$/.test(entry.name) ? [full] : []
  })
}

function dictionaryKeys(group: string): string[] {
  const module = require(path.join(i18nDir, `${group}.zh.ts`)) as Record<string, Record<string, string>>
  return Object.keys(Object.values(module)[0])
}

/** Literal keys `'group.x'` and dynamic ones `` `group.x.${…}` `` (at least the group and a dot fixed) starting some key of the group. */
function usesGroup(source: string, keys: string[]): boolean {
  const literal = [...source.matchAll(/['"`]([\w.]+)['"`]/g)].some((match) => keys.includes(match[1]))
  const dynamic = [...source.matchAll(/`(\w+\.[\w.]*)\$\{/g)].some((match) => keys.some((key) => key.startsWith(match[1])))
  return literal || dynamic
}

describe('page group dictionaries', () => {
  it('exist for queue, booking and grid, each with an English twin and a registering module', () => {
    expect(groups).toEqual(expect.arrayContaining(['queue', 'booking', 'grid']))
    for (const group of groups) {
      expect({ group, en: fs.existsSync(path.join(i18nDir, `${group}.en.ts`)) }).toEqual({ group, en: true })
      expect({ group, register: fs.existsSync(path.join(i18nDir, `${group}.ts`)) }).toEqual({ group, register: true })
    }
  })

  it('are not bundled into the first load by the core catalog', () => {
    for (const file of ['index.ts', 'zh.ts', 'en.ts', 'useT.ts']) {
      const source = fs.readFileSync(path.join(i18nDir, file), 'utf8')
      const valueImports = source.split('\n').filter((line) => /^import (?!type )/.test(line) && /\.(zh|en)'/.test(line))
      expect({ file, valueImports: valueImports.filter((line) => !/'\.\/zh'/.test(line)) }).toEqual({ file, valueImports: [] })
    }
  })

  it.each(groups)('%s is registered by every module that shows its sentences', (group) => {
    const keys = dictionaryKeys(group)
    const missing = sourceFiles(srcDir)
      .filter((file) => usesGroup(fs.readFileSync(file, 'utf8'), keys))
      .filter((file) => !fs.readFileSync(file, 'utf8').includes(`import '@/i18n/${group}'`))
      .map((file) => path.relative(srcDir, file))
    expect(missing).toEqual([])
  })
})

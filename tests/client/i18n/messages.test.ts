import fs from 'node:fs'
import path from 'node:path'
import { languageFromLocale, languageReady, setCurrentLanguage, translate } from '@/i18n'
import { zh } from '@/i18n/zh'
import { en } from '@/i18n/en'
import '@/i18n/queue'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()

const i18nDir = path.resolve(__dirname, '../../../src/i18n')
const exported = (file: string) => Object.values(require(path.join(i18nDir, file)) as Record<string, Record<string, string>>)[0]
// The core catalog and every page group's dictionary (src/i18n/<group>.zh.ts with its <group>.en.ts).
const dictionaries: Array<[string, Record<string, string>, Record<string, string>]> = [
  ['core', zh, en],
  ...fs
    .readdirSync(i18nDir)
    .filter((file) => file.endsWith('.zh.ts'))
    .map((file) => file.slice(0, -'.zh.ts'.length))
    .map((group): [string, Record<string, string>, Record<string, string>] => [group, exported(`${group}.zh.ts`), exported(`${group}.en.ts`)]),
]
const allKeys = dictionaries.flatMap(([name, chinese, english]) => Object.keys(chinese).map((key) => [name, key, chinese[key], english[key]] as const))

describe('message catalogs', () => {
  it.each(dictionaries)('%s has exactly the same keys in Chinese and English', (_name, chinese, english) => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(chinese).sort())
  })

  it('never defines a key in two dictionaries (one would silently replace the other)', () => {
    const keys = allKeys.map(([, key]) => key)
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([])
  })

  it.each(allKeys)('%s: %s is filled in both languages with the same placeholders', (_name, _key, chinese, english) => {
    expect(chinese.trim()).not.toBe('')
    expect(english.trim()).not.toBe('')
    expect(placeholders(english)).toEqual(placeholders(chinese))
  })

  it('leaves no Chinese in the English catalogs except names of languages and Chinese search examples', () => {
    const allowed = /身份证|社保卡|社保|简体中文|语言/g
    for (const [key, text] of allKeys.map(([, key, , english]) => [key, english] as const)) {
      expect({ key, text: text.replace(allowed, '').match(/[\u4e00-\u9fff]/) ? text : 'ok' }).toEqual({ key, text: 'ok' })
    }
  })
})

describe('translate', () => {
  beforeAll(async () => {
    setCurrentLanguage('en')
    await languageReady()
    setCurrentLanguage('zh')
  })

  it('fills in values and leaves unknown placeholders visible', () => {
    expect(translate('zh', 'search.found', { count: 3 })).toBe('找到 3 个事项')
    expect(translate('en', 'search.found', { count: 3 })).toBe('3 services found')
    expect(translate('en', 'search.found')).toBe('{count} services found')
  })

  it('maps system locales to the languages the app has', () => {
    expect(languageFromLocale('en-GB')).toBe('en')
    expect(languageFromLocale('en')).toBe('en')
    expect(languageFromLocale('zh_CN')).toBe('zh')
    expect(languageFromLocale('zh-TW')).toBe('zh')
    expect(languageFromLocale('fr-FR')).toBe('zh')
    expect(languageFromLocale(null)).toBe('zh')
  })
})

describe('dictionaries arriving', () => {
  it('shows a page group sentence only once its dictionary is registered, in both languages', () => {
    jest.isolateModules(() => {
      const i18n = require('@/i18n') as typeof import('@/i18n')
      expect(i18n.translate('zh', 'grid.residentTitle')).toBe('grid.residentTitle')
      require('@/i18n/grid')
      expect(i18n.translate('zh', 'grid.residentTitle')).toBe('居民详情')
      expect(i18n.translate('en', 'grid.residentTitle')).toBe('Resident')
    })
  })

  it('fetches English the first time someone switches to it and tells the page to redraw', async () => {
    await jest.isolateModulesAsync(async () => {
      const i18n = require('@/i18n') as typeof import('@/i18n')
      const redraws: string[] = []
      i18n.onLanguageChange((language) => redraws.push(language))
      expect(i18n.messageCatalogs.en['search.found']).toBeUndefined()
      i18n.setCurrentLanguage('en')
      await i18n.languageReady()
      expect(i18n.t('search.found', { count: 2 })).toBe('2 services found')
      expect(redraws).toEqual(['en', 'en'])
    })
  })
})

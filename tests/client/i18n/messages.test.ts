import { messageCatalogs, languageFromLocale, translate } from '@/i18n'
import { zh } from '@/i18n/zh'
import { en } from '@/i18n/en'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()

describe('message catalogs', () => {
  it('have exactly the same keys in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort())
  })

  it.each(Object.keys(zh))('%s is filled in both languages with the same placeholders', (key) => {
    const chinese = zh[key as keyof typeof zh]
    const english = en[key as keyof typeof en]
    expect(chinese.trim()).not.toBe('')
    expect(english.trim()).not.toBe('')
    expect(placeholders(english)).toEqual(placeholders(chinese))
  })

  it('leaves no Chinese in the English catalog except names of languages and Chinese search examples', () => {
    const allowed = /身份证|社保卡|社保|简体中文|语言/g
    for (const [key, text] of Object.entries(messageCatalogs.en)) {
      expect({ key, text: text.replace(allowed, '').match(/[\u4e00-\u9fff]/) ? text : 'ok' }).toEqual({ key, text: 'ok' })
    }
  })
})

describe('translate', () => {
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

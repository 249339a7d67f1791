import { Value } from '@sinclair/typebox/value'
import { ErrorBodySchema, ItemListSchema, ItemSuggestionListSchema } from '@/domain/contract'
import { bundledCatalog } from '../../server/seed/catalogRecords'
import { importCatalog } from '../../server/seed/catalogImport'
import { createTestApp, dialects, postgresSkipReason, type TestApp } from './support/testApp'

interface Named {
  code: string
  name: string
  highlights?: number[][]
}

describe.each(dialects)('smart search on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect)
  })
  afterAll(() => t.close())

  const get = (url: string) => t.app.inject({ method: 'GET', url })
  const search = async (q: string, extra = '') => {
    const res = await get(`/api/v1/items?q=${encodeURIComponent(q)}${extra}`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(Value.Check(ItemListSchema, body)).toBe(true)
    return body as { total: number; items: Named[]; suggestions?: { topics: string[]; hotline: string } }
  }
  const topNames = async (q: string, n = 3) => (await search(q)).items.slice(0, n).map((item) => item.name)

  describe('GET /api/v1/items?q=', () => {
    it('understands how residents ask: colloquial words, fillers, pinyin, initials, traditional, typos', async () => {
      expect((await topNames('办身份证'))[0]).toMatch(/居民身份证/)
      expect(await topNames('开饭店要什么证')).toContain('食品经营许可')
      expect((await topNames('sfz'))[0]).toMatch(/居民身份证/)
      expect((await topNames('gongjijin'))[0]).toMatch(/住房公积金/)
      expect((await topNames('居住証'))[0]).toMatch(/^居住证/)
      expect((await topNames('居住正'))[0]).toMatch(/^居住证/)
      expect((await topNames('高齡津貼'))[0]).toBe('高龄老人津贴申领')
      expect((await topNames('老人过世'))[0]).toMatch(/死亡|殡葬|丧葬/)
    })

    it('ranks the exact name first, then prefixes, then names matching through the lexicon', async () => {
      expect((await topNames('结婚登记', 1))[0]).toBe('结婚登记')
      const names = await topNames('社保卡', 10)
      expect(names.slice(0, 3).every((name) => name.startsWith('社会保障卡'))).toBe(true)
    })

    it('marks the matched part of each name', async () => {
      const { items } = await search('居住证')
      const permit = items.find((item) => item.name === '居住证申领')!
      expect(permit.highlights).toEqual([[0, 3]])
      const colloquial = (await search('社保咔')).items[0]
      expect(colloquial.name.slice(colloquial.highlights![0][0], colloquial.highlights![0][1])).toBe('社会保障卡')
    })

    it('keeps topic, department, hall filters and paging working together with q', async () => {
      const topic = await search('补贴', `&topic=${encodeURIComponent('养老服务')}&limit=100`)
      expect(topic.total).toBeGreaterThan(0)
      expect(topic.items.every((item) => (item as unknown as { topics: string[] }).topics.includes('养老服务'))).toBe(true)
      const department = await search('证', `&department=${encodeURIComponent('龙华区民政局')}&limit=100`)
      expect(department.items.every((item) => (item as unknown as { department: string }).department === '龙华区民政局')).toBe(true)

      const everywhere = await search('身份证', '&limit=100')
      const community = await search('身份证', '&hall=lh-guanhu-luhu&limit=100')
      expect(community.total).toBeLessThan(everywhere.total)

      const first = await search('社保', '&limit=2')
      const second = await search('社保', '&limit=2&offset=2')
      expect(second.total).toBe(first.total)
      const all = await search('社保', '&limit=4')
      expect([...first.items, ...second.items].map((item) => item.code)).toEqual(all.items.map((item) => item.code))
    })

    it('answers punctuation or emoji only with no results and suggestions; blank q browses', async () => {
      for (const q of ['!!!', '？？', '😀😀', '…—']) {
        const body = await search(q)
        expect(body.total).toBe(0)
        expect(body.suggestions?.hotline).toBe('12345')
        expect(body.suggestions?.topics.length).toBeGreaterThan(0)
      }
      expect((await search('   ')).total).toBe(177)
    })

    it('suggests related topics when nothing matches', async () => {
      const body = await search('老人火星旅行补贴卡xyz')
      if (body.total === 0) expect(body.suggestions?.topics).toContain('养老服务')
      const none = await search('qqqqqqqq')
      expect(none.total).toBe(0)
      expect(none.suggestions?.topics).toHaveLength(4)
    })

    it('never answers bad input with a 500', async () => {
      const odd = ['\u0000', '%00', '%EF%BF%BF', "'; drop table items; --", '<script>', '\\', '((((', '*', '办'.repeat(100), 'a'.repeat(100)]
      for (const q of odd) {
        const res = await get(`/api/v1/items?q=${q.startsWith('%') ? q : encodeURIComponent(q)}`)
        expect(res.statusCode).toBeLessThan(500)
        const suggest = await get(`/api/v1/items/suggest?q=${q.startsWith('%') ? q : encodeURIComponent(q)}`)
        expect(suggest.statusCode).toBeLessThan(500)
      }
    })

    it('rebuilds the index when the catalog is re-imported', async () => {
      const catalog = bundledCatalog()
      const renamed = catalog.items.map((item) => (item.code === '020500010000' ? { ...item, name: '收养登记(含涉外)' } : item))
      await importCatalog(t.database.db, { items: renamed, halls: catalog.halls })
      expect((await topNames('涉外', 1))[0]).toBe('收养登记(含涉外)')
      await importCatalog(t.database.db, catalog)
      expect((await search('涉外')).total).toBe(0)
    })
  })

  describe('GET /api/v1/items/suggest', () => {
    const suggest = async (q: string) => {
      const res = await get(`/api/v1/items/suggest?q=${encodeURIComponent(q)}`)
      expect(res.statusCode).toBe(200)
      const body = res.json()
      expect(Value.Check(ItemSuggestionListSchema, body)).toBe(true)
      return body.items as Named[]
    }

    it('completes as the resident types, up to 8, with highlights', async () => {
      const items = await suggest('身份')
      expect(items.length).toBeGreaterThan(0)
      expect(items.length).toBeLessThanOrEqual(8)
      expect(items[0].name).toMatch(/身份证/)
      expect(items[0].name.slice(items[0].highlights![0][0], items[0].highlights![0][1])).toContain('身份')
      expect((await suggest('证')).length).toBe(8)
    })

    it('completes half-typed pinyin', async () => {
      expect((await suggest('gongjij'))[0]?.name).toMatch(/住房公积金/)
      expect((await suggest('jieh'))[0]?.name).toBe('结婚登记')
    })

    it('answers a blank query with nothing and an over-long one with VALIDATION_FAILED', async () => {
      expect(await suggest('  ')).toEqual([])
      const res = await get(`/api/v1/items/suggest?q=${'办'.repeat(101)}`)
      expect(res.statusCode).toBe(400)
      expect(Value.Check(ErrorBodySchema, res.json())).toBe(true)
      expect(res.json().error.code).toBe('VALIDATION_FAILED')
    })
  })

  it('documents the search endpoints in OpenAPI', async () => {
    const doc = (await get('/api/v1/openapi.json')).json()
    expect(doc.paths['/api/v1/items/suggest']).toBeDefined()
    expect(JSON.stringify(doc.paths['/api/v1/items'])).toContain('suggestions')
  })
})

if (postgresSkipReason) {
  it.skip(postgresSkipReason, () => {})
}

import { Value } from '@sinclair/typebox/value'
import { ErrorBodySchema, GuideSchema, ItemListSchema, TopicListSchema, DepartmentListSchema } from '@/domain/contract'
import { createTestApp, dialects, postgresSkipReason, type TestApp } from './support/testApp'

const SAMPLE_ITEM_COUNT = 177

describe.each(dialects)('catalog API on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect)
  })
  afterAll(() => t.close())

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers })

  describe('GET /api/v1/items', () => {
    it('lists the whole catalog page by page when no query is given', async () => {
      const first = await get('/api/v1/items?limit=50')
      expect(first.statusCode).toBe(200)
      const body = first.json()
      expect(Value.Check(ItemListSchema, body)).toBe(true)
      expect(body.total).toBe(SAMPLE_ITEM_COUNT)
      expect(body.items).toHaveLength(50)
      const last = (await get('/api/v1/items?limit=50&offset=150')).json()
      expect(last.items).toHaveLength(SAMPLE_ITEM_COUNT - 150)
      const codes = new Set([...body.items, ...last.items].map((item: { code: string }) => item.code))
      expect(codes.size).toBe(50 + SAMPLE_ITEM_COUNT - 150)
    })

    it('finds 身份证 items by a substring of the name, best match first', async () => {
      const body = (await get(`/api/v1/items?q=${encodeURIComponent('身份证')}`)).json()
      const names = body.items.map((item: { name: string }) => item.name)
      expect(names).toEqual(expect.arrayContaining(['居民身份证申领', '居民身份证换领', '居民身份证补领', '临时居民身份证申领']))
      expect(names.every((name: string) => name.includes('身份证'))).toBe(true)
    })

    it('finds an item by any substring of its name', async () => {
      for (const fragment of ['高龄老人', '津贴申', '居住证签注', '人津']) {
        const body = (await get(`/api/v1/items?q=${encodeURIComponent(fragment)}`)).json()
        expect(body.items.some((item: { name: string }) => item.name.includes(fragment))).toBe(true)
      }
    })

    it('ranks the exact name first, then names that start with the query', async () => {
      const exact = (await get(`/api/v1/items?q=${encodeURIComponent('居住证申领')}`)).json()
      expect(exact.items[0].name).toBe('居住证申领')
      const prefix = (await get(`/api/v1/items?q=${encodeURIComponent('居住证')}`)).json()
      expect(prefix.items[0].name.startsWith('居住证')).toBe(true)
    })

    it('matches full-width and mixed-case input like its plain form', async () => {
      const plain = (await get(`/api/v1/items?q=${encodeURIComponent('身份证')}`)).json()
      const padded = (await get(`/api/v1/items?q=${encodeURIComponent('  身份证　')}`)).json()
      expect(padded.total).toBe(plain.total)
    })

    it('ranks items matching every word of a multi-word query first', async () => {
      const body = (await get(`/api/v1/items?q=${encodeURIComponent('居民 补领')}`)).json()
      expect(body.items[0].name).toBe('居民身份证补领')
      const both = body.items.filter((item: { name: string }) => item.name.includes('居民') && item.name.includes('补领'))
      expect(body.items.slice(0, both.length)).toEqual(both)
    })

    it('treats % and _ as punctuation, not wildcards', async () => {
      for (const q of ['%', '_']) {
        const body = (await get(`/api/v1/items?q=${encodeURIComponent(q)}`)).json()
        expect(body.total).toBe(0)
      }
      const plain = (await get(`/api/v1/items?q=${encodeURIComponent('身份证')}`)).json()
      const wrapped = (await get(`/api/v1/items?q=${encodeURIComponent('%%身份证')}`)).json()
      expect(wrapped.items.map((item: { code: string }) => item.code)).toEqual(plain.items.map((item: { code: string }) => item.code))
    })

    it('answers a query that matches nothing with an empty list and suggestions', async () => {
      const res = await get(`/api/v1/items?q=${encodeURIComponent('火星移民登记')}`)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toEqual({ total: 0, items: [], suggestions: { topics: expect.any(Array), hotline: '12345' } })
    })

    it('treats an empty or blank q as browsing', async () => {
      for (const q of ['', '%20%20']) {
        const body = (await get(`/api/v1/items?q=${q}`)).json()
        expect(body.total).toBe(SAMPLE_ITEM_COUNT)
      }
    })

    it('filters by topic, department and hall, and combines them with q', async () => {
      const topic = (await get(`/api/v1/items?topic=${encodeURIComponent('养老服务')}&limit=100`)).json()
      expect(topic.total).toBe(11)
      expect(topic.items.every((item: { topics: string[] }) => item.topics.includes('养老服务'))).toBe(true)

      const department = (await get(`/api/v1/items?department=${encodeURIComponent('龙华区民政局')}&limit=100`)).json()
      expect(department.total).toBe(16)

      const community = (await get('/api/v1/items?hall=lh-guanhu-luhu&limit=100')).json()
      const district = (await get('/api/v1/items?hall=lh-district&limit=100')).json()
      expect(community.total).toBeGreaterThan(0)
      expect(community.total).toBeLessThan(district.total)

      const combined = (await get(`/api/v1/items?q=${encodeURIComponent('津贴')}&topic=${encodeURIComponent('养老服务')}`)).json()
      expect(combined.items.map((item: { name: string }) => item.name)).toContain('高龄老人津贴申领')
    })

    it('rejects out-of-range paging and over-long queries with VALIDATION_FAILED listing the fields', async () => {
      const cases: Array<[string, string]> = [
        ['/api/v1/items?limit=101', 'query.limit'],
        ['/api/v1/items?limit=0', 'query.limit'],
        ['/api/v1/items?offset=-1', 'query.offset'],
        ['/api/v1/items?limit=abc', 'query.limit'],
        [`/api/v1/items?q=${'办'.repeat(101)}`, 'query.q'],
      ]
      for (const [url, field] of cases) {
        const res = await get(url)
        expect(res.statusCode).toBe(400)
        const body = res.json()
        expect(Value.Check(ErrorBodySchema, body)).toBe(true)
        expect(body.error.code).toBe('VALIDATION_FAILED')
        expect(body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field)
      }
    })

    it('accepts a query of exactly 100 characters', async () => {
      const res = await get(`/api/v1/items?q=${encodeURIComponent('证'.repeat(100))}`)
      expect(res.statusCode).toBe(200)
    })

    it('lists several invalid fields at once', async () => {
      const body = (await get('/api/v1/items?limit=500&offset=-3')).json()
      const fields = body.error.details.fields.map((f: { field: string }) => f.field)
      expect(fields).toEqual(expect.arrayContaining(['query.limit', 'query.offset']))
    })
  })

  describe('GET /api/v1/items/{code}', () => {
    it('returns the complete guide with the halls that handle it', async () => {
      const res = await get('/api/v1/items/010100010000')
      expect(res.statusCode).toBe(200)
      const guide = res.json()
      expect(Value.Check(GuideSchema, guide)).toBe(true)
      expect(guide).toMatchObject({
        name: '居民身份证申领',
        legalDays: 60,
        promisedDays: 20,
        fee: '工本费20元',
        visits: 1,
        online: '窗口办理',
        anywhere: true,
        appointment: true,
        basis: '《中华人民共和国居民身份证法》第二条',
        phone: '0755-26433012',
      })
      expect(guide.conditions).toContain('年满16周岁应当申领')
      expect(guide.materials[1]).toEqual({ name: '近期免冠彩色照片', form: '原件', copies: 2, required: true, note: '2寸白底' })
      expect(guide.steps).toEqual(['申请', '采集指纹和人像', '受理', '制证', '领证'])
      // Levels district + street: the district hall and the six street halls, no community stations.
      expect(guide.halls).toHaveLength(7)
      expect(guide.halls.every((hall: { level: string }) => hall.level !== 'community')).toBe(true)
      expect(guide.halls[0]).toMatchObject({ id: 'lh-district', phone: '0755-23336000', openNow: true, queue: { waiting: 0, estimatedWaitMin: 0, estimatedWaitHighMin: 0 } })
    })

    it('keeps a free item free (fee 0) and reports open status from the server clock', async () => {
      const free = (await get('/api/v1/items/020200010000')).json()
      expect(free.fee).toBe(0)
      t.clock.set('2026-11-25T12:30:00+08:00')
      const lunch = (await get('/api/v1/items/020200010000')).json()
      const street = lunch.halls.find((hall: { level: string }) => hall.level === 'street')
      expect(street.openNow).toBe(false)
      expect(lunch.halls.find((hall: { id: string }) => hall.id === 'lh-district').openNow).toBe(true)
      t.clock.set('2026-11-25T10:00:00+08:00')
    })

    it('counts each opening of a guide, and ties in search go to the guide opened most', async () => {
      const before = (await get('/api/v1/items/010100030000')).json().views
      const after = (await get('/api/v1/items/010100030000')).json().views
      expect(after).toBe(before + 1)
      for (let i = 0; i < 5; i++) await get('/api/v1/items/010100040000')
      const list = (await get(`/api/v1/items?q=${encodeURIComponent('身份证')}`)).json()
      const names = list.items.map((item: { name: string }) => item.name)
      // Neither is an exact or prefix match, so the more-viewed 临时居民身份证申领 comes before 居民身份证补领.
      expect(names.indexOf('临时居民身份证申领')).toBeLessThan(names.indexOf('居民身份证补领'))
    })

    it('answers an unknown or forged code with 404 ITEM_NOT_FOUND', async () => {
      for (const code of ['999999999999', 'nope', "1' or '1'='1", '%E4%BD%A0']) {
        const res = await get(`/api/v1/items/${encodeURIComponent(code)}`)
        expect(res.statusCode).toBe(404)
        expect(res.json().error.code).toBe('ITEM_NOT_FOUND')
        expect(res.json().error.message).toMatch(/没有找到/)
      }
    })

    it('speaks English when asked', async () => {
      const res = await get('/api/v1/items/999999999999', { 'accept-language': 'en-US,en;q=0.9' })
      expect(res.json().error.message).toMatch(/could not be found/)
    })
  })

  describe('topics and departments', () => {
    it('counts items per topic, largest first', async () => {
      const body = (await get('/api/v1/topics')).json()
      expect(Value.Check(TopicListSchema, body)).toBe(true)
      expect(body[0]).toEqual({ topic: '社会保障', count: 27 })
      expect(body.find((t: { topic: string }) => t.topic === '养老服务').count).toBe(11)
    })

    it('counts items per department', async () => {
      const body = (await get('/api/v1/departments')).json()
      expect(Value.Check(DepartmentListSchema, body)).toBe(true)
      expect(body).toHaveLength(23)
      expect(body[0]).toEqual({ department: '深圳市公安局龙华分局', count: 18 })
      expect(body.reduce((sum: number, d: { count: number }) => sum + d.count, 0)).toBe(SAMPLE_ITEM_COUNT)
    })
  })
})

if (postgresSkipReason) {
  it.skip(postgresSkipReason, () => {})
}

import { Type } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { ErrorBodySchema, HallDetailSchema, HallSchema, type Hall, type HallLevel } from '@/domain/contract'
import { bundledCatalog } from '../../server/seed/catalogRecords'
import { createTestApp, dialects, postgresSkipReason, WEDNESDAY_10AM, type TestApp } from './support/testApp'

const HallListSchema = Type.Array(HallSchema)
const SAMPLE_HALL_COUNT = 25
const catalog = bundledCatalog()
const hallIdsAtLevels = (levels: HallLevel[]) =>
  catalog.halls.filter((hall) => levels.includes(hall.level)).map((hall) => hall.id)

// The sample district: lh-district and lh-minzhi open on Saturday, lh-district all day Monday to Friday, every other
// hall closes for lunch 12:00-14:00; four halls have a 24-hour self-service area.
const SATURDAY = '2026-11-28'
const SUNDAY = '2026-11-29'
const at = (date: string, time: string) => `${date}T${time}:00+08:00`
const SELF_SERVICE_HALLS = ['lh-district', 'lh-minzhi', 'lh-longhua', 'lh-guanlan']

describe.each(dialects)('halls API on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect)
  })
  afterAll(() => t.close())
  beforeEach(() => t.clock.set(WEDNESDAY_10AM))

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers })
  const listHalls = async (query = ''): Promise<Hall[]> => {
    const res = await get(`/api/v1/halls${query}`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(Value.Check(HallListSchema, body)).toBe(true)
    return body
  }
  const byId = (halls: Hall[]) => new Map(halls.map((hall) => [hall.id, hall]))
  const openIds = (halls: Hall[]) => halls.filter((hall) => hall.openNow).map((hall) => hall.id)

  const expectValidationError = async (url: string, field: string) => {
    const res = await get(url)
    expect(res.statusCode).toBe(400)
    const body = res.json()
    expect(Value.Check(ErrorBodySchema, body)).toBe(true)
    expect(body.error.code).toBe('VALIDATION_FAILED')
    expect(body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field)
  }

  describe('GET /api/v1/halls', () => {
    it('lists all 25 halls in catalog order, with no distance when no position is given', async () => {
      const halls = await listHalls()
      expect(halls).toHaveLength(SAMPLE_HALL_COUNT)
      expect(halls.map((hall) => hall.id)).toEqual(catalog.halls.map((hall) => hall.id))
      expect(halls.every((hall) => hall.distanceM === null)).toBe(true)
      expect(halls[0]).toMatchObject({
        id: 'lh-district',
        name: '龙华区行政服务大厅',
        level: 'district',
        parent: null,
        lat: 22.6566,
        lng: 114.0297,
        phone: '0755-23336000',
        selfService24h: true,
      })
      expect(byId(halls).get('lh-minzhi')).toMatchObject({ level: 'street', parent: 'lh-district' })
    })

    it('sorts halls nearest first and fills in whole-metre distances when lat and lng are given', async () => {
      // Standing at the 民治 street hall.
      const halls = await listHalls('?lat=22.6263&lng=114.0412')
      expect(halls).toHaveLength(SAMPLE_HALL_COUNT)
      expect(halls[0]).toMatchObject({ id: 'lh-minzhi', distanceM: 0 })
      const distances = halls.map((hall) => hall.distanceM as number)
      expect(distances.every((d) => Number.isInteger(d) && d >= 0)).toBe(true)
      expect(distances).toEqual([...distances].sort((a, b) => a - b))
      // The 民治 communities are within a couple of kilometres; 观澜 is about ten kilometres north.
      const found = byId(halls)
      expect(found.get('lh-minzhi-baishilong')!.distanceM).toBeGreaterThan(500)
      expect(found.get('lh-minzhi-baishilong')!.distanceM).toBeLessThan(1500)
      expect(found.get('lh-guanlan')!.distanceM).toBeGreaterThan(8000)
      expect(found.get('lh-guanlan')!.distanceM).toBeLessThan(12000)
      expect(halls[halls.length - 1].distanceM).toBeGreaterThan(found.get('lh-district')!.distanceM!)
    })

    it('puts a different hall first from a different position', async () => {
      const halls = await listHalls('?lat=22.7183&lng=114.0489')
      expect(halls[0]).toMatchObject({ id: 'lh-guanlan', distanceM: 0 })
    })

    it('rejects lat without lng (and lng without lat) naming the missing field', async () => {
      await expectValidationError('/api/v1/halls?lat=22.6', 'query.lng')
      await expectValidationError('/api/v1/halls?lng=114.0', 'query.lat')
    })

    it('rejects coordinates out of range or not numbers with 400, never a 500', async () => {
      await expectValidationError('/api/v1/halls?lat=91&lng=114', 'query.lat')
      await expectValidationError('/api/v1/halls?lat=-90.5&lng=114', 'query.lat')
      await expectValidationError('/api/v1/halls?lat=22&lng=181', 'query.lng')
      await expectValidationError('/api/v1/halls?lat=abc&lng=114', 'query.lat')
      await expectValidationError('/api/v1/halls?lat=1e400&lng=114', 'query.lat')
      await expectValidationError('/api/v1/halls?lat=22&lng=-1e400', 'query.lng')
    })

    it('accepts the extreme valid coordinates', async () => {
      for (const query of ['?lat=90&lng=180', '?lat=-90&lng=-180']) {
        const halls = await listHalls(query)
        expect(halls).toHaveLength(SAMPLE_HALL_COUNT)
      }
    })

    it('with item, lists only the halls whose level the item can be handled at', async () => {
      // 居民身份证申领: district + street → the district hall and the six street halls.
      const halls = await listHalls('?item=010100010000')
      expect(halls).toHaveLength(7)
      expect(halls.map((hall) => hall.id)).toEqual(hallIdsAtLevels(['district', 'street']))
      expect(halls.every((hall) => hall.level === 'district' || hall.level === 'street')).toBe(true)
    })

    it('filters correctly for every combination of levels in the catalog', async () => {
      const seen = new Set<string>()
      for (const item of catalog.items) {
        const key = [...item.levels].sort().join('+')
        if (seen.has(key)) continue
        seen.add(key)
        const halls = await listHalls(`?item=${item.code}`)
        expect(halls.map((hall) => hall.id)).toEqual(hallIdsAtLevels(item.levels))
      }
      expect(seen.size).toBeGreaterThanOrEqual(4)
    })

    it('combines item with position: only those halls, nearest first', async () => {
      const halls = await listHalls('?item=010100010000&lat=22.7183&lng=114.0489')
      expect(halls).toHaveLength(7)
      expect(halls[0].id).toBe('lh-guanlan')
      const distances = halls.map((hall) => hall.distanceM as number)
      expect(distances).toEqual([...distances].sort((a, b) => a - b))
    })

    it('answers an unknown item with 404 ITEM_NOT_FOUND, and an over-long one with 400', async () => {
      const res = await get('/api/v1/halls?item=999999999999')
      expect(res.statusCode).toBe(404)
      expect(Value.Check(ErrorBodySchema, res.json())).toBe(true)
      expect(res.json().error.code).toBe('ITEM_NOT_FOUND')
      await expectValidationError(`/api/v1/halls?item=${'1'.repeat(33)}`, 'query.item')
    })

    it('has live queue figures for every hall: nobody waiting on a fresh day', async () => {
      const halls = await listHalls()
      expect(halls.every((hall) => hall.queue?.waiting === 0 && hall.queue.estimatedWaitMin === 0)).toBe(true)
    })
  })

  describe('opening hours follow the server clock', () => {
    it('on a weekday morning every hall is open, with today\'s periods', async () => {
      const halls = await listHalls()
      expect(openIds(halls)).toHaveLength(SAMPLE_HALL_COUNT)
      const found = byId(halls)
      expect(found.get('lh-district')!.hoursToday).toEqual([{ opens: '09:00', closes: '18:00' }])
      expect(found.get('lh-guanhu')!.hoursToday).toEqual([
        { opens: '09:00', closes: '12:00' },
        { opens: '14:00', closes: '18:00' },
      ])
    })

    it('over the lunch break only the district hall stays open', async () => {
      t.clock.set('2026-11-25T12:30:00+08:00')
      const halls = await listHalls()
      expect(openIds(halls)).toEqual(['lh-district'])
      // Still a working day: the periods are the same, the hall is just between them.
      expect(byId(halls).get('lh-guanhu')!.hoursToday).toHaveLength(2)
    })

    it('opens at 09:00 sharp and closes at 18:00 sharp', async () => {
      t.clock.set('2026-11-25T08:59:00+08:00')
      expect(openIds(await listHalls())).toEqual([])
      t.clock.set('2026-11-25T09:00:00+08:00')
      expect(openIds(await listHalls())).toHaveLength(SAMPLE_HALL_COUNT)
      t.clock.set('2026-11-25T18:00:00+08:00')
      expect(openIds(await listHalls())).toEqual([])
    })

    it('on Saturday only the halls with Saturday hours are open, and only during them', async () => {
      t.clock.set(at(SATURDAY, '10:00'))
      let halls = await listHalls()
      expect(openIds(halls)).toEqual(['lh-district', 'lh-minzhi'])
      const found = byId(halls)
      expect(found.get('lh-district')!.hoursToday).toEqual([{ opens: '09:00', closes: '12:00' }])
      expect(found.get('lh-minzhi')!.hoursToday).toEqual([{ opens: '09:00', closes: '17:00' }])
      expect(found.get('lh-guanhu')!.hoursToday).toEqual([])

      t.clock.set(at(SATURDAY, '13:00'))
      halls = await listHalls()
      expect(openIds(halls)).toEqual(['lh-minzhi'])
    })

    it('on Sunday every hall is closed with no hours today', async () => {
      t.clock.set(at(SUNDAY, '10:00'))
      const halls = await listHalls()
      expect(openIds(halls)).toEqual([])
      expect(halls.every((hall) => hall.hoursToday.length === 0)).toBe(true)
    })

    it('reads the day in Shanghai time: 23:30 UTC on Saturday is already Sunday in the hall', async () => {
      t.clock.set('2026-11-28T23:30:00Z')
      const halls = await listHalls()
      expect(halls.every((hall) => hall.hoursToday.length === 0)).toBe(true)
      t.clock.set('2026-11-28T02:00:00Z') // Saturday 10:00 in Shanghai
      expect(openIds(await listHalls())).toEqual(['lh-district', 'lh-minzhi'])
    })

    it('reports the 24-hour self-service flag whatever the time', async () => {
      for (const time of [WEDNESDAY_10AM, at(SUNDAY, '03:00')]) {
        t.clock.set(time)
        const halls = await listHalls()
        expect(halls.filter((hall) => hall.selfService24h).map((hall) => hall.id)).toEqual(SELF_SERVICE_HALLS)
      }
    })
  })

  describe('GET /api/v1/halls/{id}', () => {
    it('returns the hall with its windows, weekly hours and queue categories in order', async () => {
      const res = await get('/api/v1/halls/lh-district')
      expect(res.statusCode).toBe(200)
      const hall = res.json()
      expect(Value.Check(HallDetailSchema, hall)).toBe(true)
      expect(hall).toMatchObject({
        id: 'lh-district',
        name: '龙华区行政服务大厅',
        level: 'district',
        windows: 30,
        distanceM: null,
        openNow: true,
        selfService24h: true,
        queue: { waiting: 0, estimatedWaitMin: 0, estimatedWaitHighMin: 0 },
      })
      expect(hall.hours).toEqual({ 'mon-fri': [['09:00', '18:00']], sat: [['09:00', '12:00']] })
      expect(hall.hoursToday).toEqual([{ opens: '09:00', closes: '18:00' }])
      expect(hall.categories).toEqual([
        { id: 'A', name: '综合受理' },
        { id: 'B', name: '公安专窗' },
        { id: 'C', name: '商事登记' },
        { id: 'D', name: '工程建设' },
        { id: 'V', name: '优先窗口(老年人/残疾人/军人)' },
      ])
    })

    it('matches the catalog for every hall', async () => {
      for (const record of catalog.halls) {
        const hall = (await get(`/api/v1/halls/${record.id}`)).json()
        expect(Value.Check(HallDetailSchema, hall)).toBe(true)
        expect(hall).toMatchObject({ id: record.id, name: record.name, windows: record.windows, hours: record.hours })
        expect(hall.categories).toEqual(record.categories.map(({ id, name }) => ({ id, name })))
      }
    })

    it('reports open status from the server clock', async () => {
      t.clock.set('2026-11-25T12:30:00+08:00')
      expect((await get('/api/v1/halls/lh-minzhi')).json().openNow).toBe(false)
      t.clock.set(at(SATURDAY, '15:00'))
      const saturday = (await get('/api/v1/halls/lh-minzhi')).json()
      expect(saturday.openNow).toBe(true)
      expect(saturday.hoursToday).toEqual([{ opens: '09:00', closes: '17:00' }])
    })

    it('answers an unknown id with 404 HALL_NOT_FOUND, in English when asked', async () => {
      for (const id of ['nope', 'lh-district-x', encodeURIComponent('大厅'), encodeURIComponent("x' or '1'='1")]) {
        const res = await get(`/api/v1/halls/${id}`)
        expect(res.statusCode).toBe(404)
        expect(Value.Check(ErrorBodySchema, res.json())).toBe(true)
        expect(res.json().error.code).toBe('HALL_NOT_FOUND')
      }
      const en = await get('/api/v1/halls/nope', { 'accept-language': 'en' })
      expect(en.json().error.message).toMatch(/could not be found/)
    })

    it('rejects an over-long or badly encoded id with 400 VALIDATION_FAILED in the contract shape', async () => {
      await expectValidationError(`/api/v1/halls/${'x'.repeat(65)}`, 'path.id')
      for (const url of [`/api/v1/halls/${'x'.repeat(150)}`, '/api/v1/halls/%ZZ']) {
        const res = await get(url)
        expect(res.statusCode).toBe(400)
        expect(Value.Check(ErrorBodySchema, res.json())).toBe(true)
        expect(res.json().error.code).toBe('VALIDATION_FAILED')
        expect(res.headers['x-content-type-options']).toBe('nosniff')
      }
    })
  })
})

if (postgresSkipReason) {
  it.skip(postgresSkipReason, () => {})
}

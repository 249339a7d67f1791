// The demo simulator moves the halls' queues through the same service functions as kiosks and windows.
import { arrivalsPerMinute, QueueSimulator, staffedWindows } from '../../server/modules/queue/simulator'
import { createTestApp, type TestApp } from './support/testApp'
import { seededRandom } from '../../src/domain/seededRandom'

describe('demo queue simulator', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp('sqlite')
  })
  afterAll(() => t.close())

  it('has a morning rush, a quiet lunch and a second wave, busier in bigger halls', () => {
    const at = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))
    expect(arrivalsPerMinute('street', at('10:00'))).toBeGreaterThan(arrivalsPerMinute('street', at('12:30')))
    expect(arrivalsPerMinute('street', at('15:00'))).toBeGreaterThan(arrivalsPerMinute('street', at('12:30')))
    expect(arrivalsPerMinute('street', at('10:00'))).toBeGreaterThan(arrivalsPerMinute('street', at('17:45')))
    expect(arrivalsPerMinute('district', at('10:00'))).toBeGreaterThan(arrivalsPerMinute('street', at('10:00')))
    expect(arrivalsPerMinute('street', at('10:00'))).toBeGreaterThan(arrivalsPerMinute('community', at('10:00')))
    expect([staffedWindows(30), staffedWindows(12), staffedWindows(3), staffedWindows(1)]).toEqual([10, 4, 1, 1])
  })

  it('issues, calls and completes tickets over a simulated hour, with unbroken numbers', async () => {
    const simulator = new QueueSimulator(t.app.queue, { random: seededRandom(7) })
    await simulator.prepare()
    for (let minute = 0; minute < 60; minute += 1) {
      await simulator.tick()
      t.clock.advance(60_000)
    }
    const tickets = await t.database.db.selectFrom('tickets').selectAll().execute()
    const district = tickets.filter((ticket) => ticket.hall_id === 'lh-district')
    expect(district.length).toBeGreaterThan(40)
    expect(tickets.every((ticket) => ticket.source === 'kiosk')).toBe(true)
    expect(tickets.filter((ticket) => ticket.status === 'done').length).toBeGreaterThan(20)
    // Only the staffed windows (a third) serve; numbers per category run 1…n with no gap.
    expect(Math.max(...district.filter((ticket) => ticket.window !== null).map((ticket) => ticket.window!))).toBeLessThanOrEqual(10)
    for (const category of new Set(district.map((ticket) => ticket.series))) {
      const seqs = district.filter((ticket) => ticket.series === category).map((ticket) => ticket.seq).sort((a, b) => a - b)
      expect(seqs).toEqual(seqs.map((_, index) => index + 1))
    }
    const snapshot = (await t.app.inject({ method: 'GET', url: '/api/v1/halls/lh-district/queue' })).json()
    expect(snapshot.categories.find((c: { id: string }) => c.id === 'A').openWindows).toBe(10)
    expect(snapshot.version).toBeGreaterThan(40)
  }, 60_000)

  it('leaves closed halls alone', async () => {
    t.clock.set('2026-11-29T10:00:00+08:00') // Sunday
    const before = await t.database.db.selectFrom('tickets').select('id').execute()
    const simulator = new QueueSimulator(t.app.queue, { random: seededRandom(8) })
    await simulator.prepare()
    await simulator.tick()
    expect(await t.database.db.selectFrom('tickets').select('id').execute()).toHaveLength(before.length)
  })
})

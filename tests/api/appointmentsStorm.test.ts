// No double-booking, ever: 2,000 people from distinct accounts race for the 100 places of one slot at once.
import type { LightMyRequestResponse } from 'fastify'
import type { Session } from '@/domain/contract'
import { ephemeralAuthSettings } from '../../server/modules/auth/settings'
import { createTestApp, dialects, postgresSkipReason, type TestApp } from './support/testApp'
import { devSignIn } from './support/signIn'
import { bookRequest, policeTemplate, slotsOf } from './support/appointments'

if (postgresSkipReason) console.info(postgresSkipReason)

const PEOPLE = 2000
const PLACES = 100
const MAX_TRIES = 20

/**
 * Sends a booking as a phone would: a 503 (the database pool is busy under the storm, nothing was written) is
 * retried after a short pause with the same request; any other answer is final.
 */
async function sendWithRetry(send: () => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> {
  for (let attempt = 1; ; attempt += 1) {
    const res = await send()
    if (res.statusCode !== 503 || attempt === MAX_TRIES) return res
    await new Promise((resolve) => setTimeout(resolve, 20 * attempt))
  }
}

describe.each(dialects)('booking storm on %s', (dialect) => {
  let t: TestApp
  let people: Session[]

  beforeAll(async () => {
    t = await createTestApp(dialect, { auth: ephemeralAuthSettings({ devLogin: true }) })
    await policeTemplate(t.app)
    people = []
    for (let start = 0; start < PEOPLE; start += 50) {
      const batch = Array.from({ length: Math.min(50, PEOPLE - start) }, (_, i) => devSignIn(t.app, { phone: `137${String(start + i).padStart(8, '0')}` }))
      people.push(...(await Promise.all(batch)))
    }
  }, 300_000)
  afterAll(() => t.close())

  /** A slot of the day made to hold exactly 100 bookable places. */
  async function hundredPlaceSlot(date: string): Promise<string> {
    const slot = (await slotsOf(t.app, date))[0]
    await t.database.db.updateTable('slots').set({ capacity: PLACES }).where('id', '=', slot.id).execute()
    return slot.id
  }

  async function countsOf(slotId: string) {
    const slot = await t.database.db.selectFrom('slots').select(['booked', 'held']).where('id', '=', slotId).executeTakeFirstOrThrow()
    const rows = await t.database.db.selectFrom('appointments').select(['id', 'user_id']).where('slot_id', '=', slotId).execute()
    return { booked: slot.booked, rows }
  }

  it('2,000 concurrent bookings for 100 places: exactly 100 appointments, 1,900 clean 409 SLOT_FULL', async () => {
    const slotId = await hundredPlaceSlot('2026-11-26')
    const answers = await Promise.all(people.map((session) => sendWithRetry(() => bookRequest(t.app, session, slotId))))

    const statuses = answers.map((res) => res.statusCode)
    expect(statuses.filter((s) => s === 201)).toHaveLength(PLACES)
    expect(statuses.filter((s) => s === 409)).toHaveLength(PEOPLE - PLACES)
    const refusals = answers.filter((res) => res.statusCode === 409).map((res) => res.json().error.code)
    expect(new Set(refusals)).toEqual(new Set(['SLOT_FULL']))

    const { booked, rows } = await countsOf(slotId)
    expect(rows).toHaveLength(PLACES)
    expect(booked).toBe(rows.length)
    expect(new Set(rows.map((row) => row.user_id)).size).toBe(PLACES)
    const created = new Set(answers.filter((res) => res.statusCode === 201).map((res) => res.json().id))
    expect(created).toEqual(new Set(rows.map((row) => row.id)))
  }, 300_000)

  it('the same storm with every request sent twice under one Idempotency-Key: no duplicates', async () => {
    const slotId = await hundredPlaceSlot('2026-11-27')
    const twice = await Promise.all(
      people.map(async (session, i) => {
        const send = () => sendWithRetry(() => bookRequest(t.app, session, slotId, {}, `storm-${i}`))
        return Promise.all([send(), send()])
      }),
    )

    let winners = 0
    for (const [first, second] of twice) {
      expect(second.statusCode).toBe(first.statusCode)
      if (first.statusCode === 201) {
        winners += 1
        expect(second.json().id).toBe(first.json().id)
      } else {
        expect([first.json().error.code, second.json().error.code]).toEqual(['SLOT_FULL', 'SLOT_FULL'])
      }
    }
    expect(winners).toBe(PLACES)
    const { booked, rows } = await countsOf(slotId)
    expect(rows).toHaveLength(PLACES)
    expect(booked).toBe(PLACES)
    expect(new Set(rows.map((row) => row.user_id)).size).toBe(PLACES)
    // A retry after the storm is answered from the stored answer, not booked again.
    const winner = twice.findIndex(([first]) => first.statusCode === 201)
    const replay = await bookRequest(t.app, people[winner], slotId, {}, `storm-${winner}`)
    expect(replay.headers['idempotent-replayed']).toBe('true')
    expect((await countsOf(slotId)).rows).toHaveLength(PLACES)
  }, 300_000)
})

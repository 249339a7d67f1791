// Ticket numbers under load: 500 numbers taken at once from the app, the kiosk and appointment check-in, some of
// them in transactions that fail afterwards, must come out as 001…N for the category with no duplicate and no gap.
import { issueTicket, type IssueTicketInput } from '../../server/modules/queue/service'
import { newId } from '../../server/modules/auth/repo'
import type { TicketSource } from '@/domain/contract'
import { createTestApp, dialects, postgresSkipReason, type TestApp } from './support/testApp'

if (postgresSkipReason) console.info(postgresSkipReason)

const ISSUES = 500
/** Every tenth issue's transaction fails after the number was drawn: it must leave no gap behind. */
const FAILS_EVERY = 10

class AfterIssueFailure extends Error {}

describe.each(dialects)('ticket numbers under concurrency on %s', (dialect) => {
  let t: TestApp
  let userIds: string[]

  beforeAll(async () => {
    t = await createTestApp(dialect)
    userIds = Array.from({ length: ISSUES }, () => newId())
    const createdAt = t.clock.now().toISOString()
    for (let i = 0; i < userIds.length; i += 100) {
      await t.database.db
        .insertInto('users')
        .values(userIds.slice(i, i + 100).map((id) => ({ id, role: 'citizen', created_at: createdAt })))
        .execute()
    }
  }, 60_000)
  afterAll(() => t.close())

  it(`issues ${ISSUES} numbers at once with no duplicate and no gap`, async () => {
    const sources: TicketSource[] = ['app', 'kiosk', 'appointment']
    const now = t.clock.now()
    const attempts = Array.from({ length: ISSUES }, (_, i) => {
      const source = sources[i % sources.length]
      const input: IssueTicketInput = {
        hallId: 'lh-district',
        categoryId: 'A',
        userId: source === 'app' ? userIds[i] : null,
        source,
        appointmentId: source === 'appointment' ? `appt-${i}` : null,
        now,
      }
      return t.database.db.transaction().execute(async (trx) => {
        const issued = await issueTicket(trx, input)
        if (i % FAILS_EVERY === FAILS_EVERY - 1) throw new AfterIssueFailure()
        return issued.ticket.number
      })
    })
    const results = await Promise.allSettled(attempts)
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(failures.every((r) => r.reason instanceof AfterIssueFailure)).toBe(true)
    const expectedIssued = ISSUES - ISSUES / FAILS_EVERY
    const numbers = results.filter((r): r is PromiseFulfilledResult<string> => r.status === 'fulfilled').map((r) => r.value)
    expect(numbers).toHaveLength(expectedIssued)

    const stored = await t.database.db.selectFrom('tickets').select(['number', 'seq']).where('hall_id', '=', 'lh-district').where('series', '=', 'A').execute()
    const seqs = stored.map((row) => Number(row.seq)).sort((a, b) => a - b)
    expect(new Set(stored.map((row) => row.number)).size).toBe(expectedIssued)
    expect(seqs).toEqual(Array.from({ length: expectedIssued }, (_, i) => i + 1))
    expect(stored.map((row) => row.number).sort()).toEqual(numbers.sort())
    expect(numbers).toContain('A001')
    expect(numbers).toContain(`A${expectedIssued}`)
    // Appointment tickets are called before ordinary ones.
    const priorities = await t.database.db.selectFrom('tickets').select(['source', 'priority']).where('hall_id', '=', 'lh-district').execute()
    expect(priorities.filter((row) => row.source === 'appointment').every((row) => row.priority === 1)).toBe(true)
    expect(priorities.filter((row) => row.source !== 'appointment').every((row) => row.priority === 0)).toBe(true)
  }, 120_000)
})

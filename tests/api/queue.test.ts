import { Value } from '@sinclair/typebox/value'
import { HallDetailSchema, HallSchema, QueueSnapshotSchema, StaffQueueSchema, TicketSchema, type Session, type Ticket } from '@/domain/contract'
import { ephemeralAuthSettings } from '../../server/modules/auth/settings'
import { insertStaffUser } from '../../server/modules/auth/repo'
import type { QueueReminderHook } from '../../server/modules/queue/reminders'
import { createTestApp, dialects, postgresSkipReason, WEDNESDAY_10AM, type TestApp } from './support/testApp'
import { bearer, devSignIn, signInEveryRole } from './support/signIn'
import { expectErrorBody } from './support/expectErrorBody'
import { callNextAt, staffAction, takeTicket } from './support/queue'

if (postgresSkipReason) console.info(postgresSkipReason)

describe.each(dialects)('live queue on %s', (dialect) => {
  let t: TestApp
  let s: Awaited<ReturnType<typeof signInEveryRole>>
  let guanhuStaff: Session
  let phone = 13900000000
  const reminders: Array<{ kind: 'nearTurn' | 'called'; number: string; ahead: number; userId: string }> = []
  const hook: QueueReminderHook = {
    nearTurn: (ticket, userId) => void reminders.push({ kind: 'nearTurn', number: ticket.number, ahead: ticket.ahead, userId }),
    called: (ticket, userId) => void reminders.push({ kind: 'called', number: ticket.number, ahead: ticket.ahead, userId }),
  }

  beforeAll(async () => {
    t = await createTestApp(dialect, { auth: ephemeralAuthSettings({ devLogin: true }), reminders: hook })
    s = await signInEveryRole(t.app)
    await insertStaffUser(t.database.db, { role: 'window_staff', username: 'window-guanhu', name: '观湖窗口', password_hash: 'x', grid_id: null, hall_id: 'lh-guanhu' }, t.clock.now())
    guanhuStaff = await devSignIn(t.app, { username: 'window-guanhu' })
  }, 60_000)
  afterAll(() => t.close())

  // Every test starts on a fresh day (numbers start again at 001), at 10:00 on a working day.
  let day = 0
  beforeEach(async () => {
    t.clock.set(new Date(Date.parse(WEDNESDAY_10AM) + 7 * 24 * 3600_000 * day))
    day += 1
    reminders.length = 0
    // Yesterday's sessions are too old: sign everyone in again on the new day.
    s = await signInEveryRole(t.app)
    guanhuStaff = await devSignIn(t.app, { username: 'window-guanhu' })
  })

  const citizen = () => devSignIn(t.app, { phone: String((phone += 1)) })
  const get = (url: string, session?: Session, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { ...(session ? bearer(session) : {}), ...headers } })
  const post = (url: string, session: Session | null, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, headers: { ...(session ? bearer(session) : {}), ...headers }, ...(payload ? { payload } : {}) })

  describe('snapshot', () => {
    it('lists every category with its prefix, nobody waiting, and the hall open', async () => {
      const res = await get('/api/v1/halls/lh-district/queue')
      expect(res.statusCode).toBe(200)
      const snapshot = res.json()
      expect(Value.Check(QueueSnapshotSchema, snapshot)).toBe(true)
      expect(snapshot.openNow).toBe(true)
      expect(snapshot.categories.map((c: { prefix: string }) => c.prefix)).toEqual(['A', 'B', 'C', 'D', 'V'])
      expect(snapshot.categories[0]).toMatchObject({ id: 'A', waiting: 0, serving: [], estimatedWaitMin: 0, openWindows: 30 })
    })

    it('sends an ETag, answers 304 to it, and a new ETag and version after a change', async () => {
      const first = await get('/api/v1/halls/lh-guanhu/queue')
      const etag = first.headers.etag as string
      expect(etag).toMatch(/^".+"$/)
      const again = await get('/api/v1/halls/lh-guanhu/queue', undefined, { 'if-none-match': etag })
      expect(again.statusCode).toBe(304)
      expect(again.body).toBe('')
      expect((await get('/api/v1/halls/lh-guanhu/queue', undefined, { 'if-none-match': `"other", W/${etag}` })).statusCode).toBe(304)
      await takeTicket(t.app, await citizen(), 'lh-guanhu')
      const changed = await get('/api/v1/halls/lh-guanhu/queue', undefined, { 'if-none-match': etag })
      expect(changed.statusCode).toBe(200)
      expect(changed.headers.etag).not.toBe(etag)
      expect(changed.json().version).toBe(first.json().version + 1)
      expect(changed.json().categories[0].waiting).toBe(1)
    })

    it('answers an unknown hall with 404 HALL_NOT_FOUND', async () => {
      expectErrorBody(await get('/api/v1/halls/nowhere/queue'), 404, 'HALL_NOT_FOUND')
    })
  })

  describe('remote tickets', () => {
    it('issues A001, A002 … with the people ahead and an estimated range', async () => {
      const first = await takeTicket(t.app, await citizen())
      const second = await takeTicket(t.app, await citizen())
      expect(Value.Check(TicketSchema, second)).toBe(true)
      expect([first.number, second.number]).toEqual(['A001', 'A002'])
      expect(second).toMatchObject({ hallId: 'lh-district', hallName: '龙华区行政服务大厅', categoryName: '综合受理', status: 'waiting', source: 'app', ahead: 1, priority: false, window: null })
      expect(second.estimatedWaitHighMin).toBeGreaterThanOrEqual(second.estimatedWaitMin)
      const b = await takeTicket(t.app, await citizen(), 'lh-district', 'B')
      expect(b.number).toBe('B001')
    })

    it('refuses a second active ticket at the same hall with 409 TICKET_EXISTS, but allows another hall', async () => {
      const me = await citizen()
      await takeTicket(t.app, me)
      const body = expectErrorBody(await post('/api/v1/halls/lh-district/tickets', me, { categoryId: 'B' }), 409, 'TICKET_EXISTS')
      expect(body.error.message).toContain('已经有一个排队号')
      await takeTicket(t.app, me, 'lh-guanhu')
    })

    it('lets only one of two simultaneous taps through', async () => {
      const me = await citizen()
      const results = await Promise.all([1, 2, 3].map(() => post('/api/v1/halls/lh-district/tickets', me, { categoryId: 'A' })))
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409])
    })

    it('answers a retry with the same Idempotency-Key with the same ticket', async () => {
      const me = await citizen()
      const headers = { 'idempotency-key': 'take-1' }
      const first = await post('/api/v1/halls/lh-district/tickets', me, { categoryId: 'A' }, headers)
      const retry = await post('/api/v1/halls/lh-district/tickets', me, { categoryId: 'A' }, headers)
      expect([first.statusCode, retry.statusCode]).toEqual([201, 201])
      expect(retry.json().id).toBe(first.json().id)
      expect(retry.headers['idempotent-replayed']).toBe('true')
      expectErrorBody(await post('/api/v1/halls/lh-district/tickets', me, { categoryId: 'B' }, headers), 409, 'IDEMPOTENCY_KEY_REUSED')
    })

    it('refuses numbers while the hall is closed with 409 HALL_CLOSED (lunch break, Sunday)', async () => {
      t.clock.set(new Date(t.clock.now().getTime() + 150 * 60_000)) // 12:30
      const lunch = expectErrorBody(await post('/api/v1/halls/lh-guanhu/tickets', await citizen(), { categoryId: 'A' }), 409, 'HALL_CLOSED')
      expect(lunch.error.message).toContain('不在办公时间')
      t.clock.set(new Date(t.clock.now().getTime() + 4 * 24 * 3600_000)) // Sunday
      expectErrorBody(await post('/api/v1/halls/lh-district/tickets', await citizen(), { categoryId: 'A' }), 409, 'HALL_CLOSED')
    })

    it('answers bad input with 4xx: unknown category 400, unknown hall 404, unknown item 404, no body 400, signed out 401', async () => {
      const me = await citizen()
      expectErrorBody(await post('/api/v1/halls/lh-district/tickets', me, { categoryId: 'Z' }), 400, 'CATEGORY_NOT_FOUND')
      expectErrorBody(await post('/api/v1/halls/lh-guanhu/tickets', me, { categoryId: 'C' }), 400, 'CATEGORY_NOT_FOUND')
      expectErrorBody(await post('/api/v1/halls/nowhere/tickets', me, { categoryId: 'A' }), 404, 'HALL_NOT_FOUND')
      expectErrorBody(await post('/api/v1/halls/lh-district/tickets', me, { categoryId: 'A', itemCode: '999999999999' }), 404, 'ITEM_NOT_FOUND')
      expectErrorBody(await post('/api/v1/halls/lh-district/tickets', me, {}), 400, 'VALIDATION_FAILED')
      expectErrorBody(await post('/api/v1/halls/lh-district/tickets', null, { categoryId: 'A' }), 401, 'AUTH_REQUIRED')
      // Nothing was issued by any of these: the next number is still A001.
      expect((await takeTicket(t.app, me)).number).toBe('A001')
    })

    it('shows a ticket to its holder only and lets the holder cancel it once', async () => {
      const me = await citizen()
      const other = await citizen()
      const ticket = await takeTicket(t.app, me)
      expect((await get(`/api/v1/tickets/${ticket.id}`, me)).json()).toMatchObject({ id: ticket.id, status: 'waiting' })
      expectErrorBody(await get(`/api/v1/tickets/${ticket.id}`, other), 404, 'TICKET_NOT_FOUND')
      expectErrorBody(await get('/api/v1/tickets/nope', me), 404, 'TICKET_NOT_FOUND')
      expectErrorBody(await post(`/api/v1/tickets/${ticket.id}/cancel`, other), 404, 'TICKET_NOT_FOUND')
      const cancelled = await post(`/api/v1/tickets/${ticket.id}/cancel`, me)
      expect(cancelled.statusCode).toBe(200)
      expect(cancelled.json()).toMatchObject({ status: 'cancelled', ahead: 0 })
      expect(cancelled.json().finishedAt).not.toBeNull()
      expectErrorBody(await post(`/api/v1/tickets/${ticket.id}/cancel`, me), 409, 'TICKET_NOT_ACTIVE')
      // A cancelled number is gone for good: the next one is A002, and the holder may take it.
      expect((await takeTicket(t.app, me)).number).toBe('A002')
    })

    it("lists the holder's numbers still in play today, across halls, and no one else's", async () => {
      const me = await citizen()
      const other = await citizen()
      expect((await get('/api/v1/me/tickets', me)).json()).toEqual([])
      const first = await takeTicket(t.app, me)
      const second = await takeTicket(t.app, me, 'lh-guanhu')
      await takeTicket(t.app, other)
      const mine = await get('/api/v1/me/tickets', me)
      expect(mine.statusCode).toBe(200)
      expect(mine.json().map((ticket: { id: string }) => ticket.id).sort()).toEqual([first.id, second.id].sort())
      await post(`/api/v1/tickets/${first.id}/cancel`, me)
      expect((await get('/api/v1/me/tickets', me)).json().map((ticket: { id: string }) => ticket.id)).toEqual([second.id])
      expectErrorBody(await get('/api/v1/me/tickets'), 401, 'AUTH_REQUIRED')
    })

    it('starts numbering again the next day, and yesterday\'s ticket does not block today', async () => {
      const me = await citizen()
      const yesterday = await takeTicket(t.app, me)
      expect(yesterday.number).toBe('A001')
      t.clock.set(new Date(t.clock.now().getTime() + 24 * 3600_000))
      const fresh = await devSignIn(t.app, { phone: String(phone) })
      expect((await get(`/api/v1/tickets/${yesterday.id}`, fresh)).json()).toMatchObject({ status: 'cancelled', ahead: 0 })
      expect((await takeTicket(t.app, fresh)).number).toBe('A001')
    })

    it('fills the halls list and hall page with live figures over all categories', async () => {
      await takeTicket(t.app, await citizen(), 'lh-minzhi')
      await takeTicket(t.app, await citizen(), 'lh-minzhi', 'B')
      const halls = (await get('/api/v1/halls')).json()
      expect(halls.every((hall: unknown) => Value.Check(HallSchema, hall))).toBe(true)
      const minzhi = halls.find((hall: { id: string }) => hall.id === 'lh-minzhi')
      expect(minzhi.queue).toMatchObject({ waiting: 2 })
      expect(minzhi.queue.estimatedWaitHighMin).toBeGreaterThanOrEqual(minzhi.queue.estimatedWaitMin)
      const detail = (await get('/api/v1/halls/lh-minzhi')).json()
      expect(Value.Check(HallDetailSchema, detail)).toBe(true)
      expect(detail.queue.waiting).toBe(2)
      // A guide's "where can I do this" halls carry the same figures.
      const guideHalls = (await get('/api/v1/items/010100010000')).json().halls
      expect(guideHalls.every((hall: { queue: unknown }) => hall.queue !== null)).toBe(true)
    })
  })

  describe('window staff', () => {
    it('calls priority (V) first, then first come first served, and says who is at which window', async () => {
      const a = await takeTicket(t.app, await citizen())
      const b = await takeTicket(t.app, await citizen(), 'lh-district', 'B')
      const v = await takeTicket(t.app, await citizen(), 'lh-district', 'V')
      expect(v).toMatchObject({ priority: true, ahead: 0 })
      const order: string[] = []
      for (const windowNo of [1, 2, 3]) {
        const res = await callNextAt(t.app, s.window1, 'lh-district', windowNo)
        expect(res.statusCode).toBe(200)
        expect(res.json()).toMatchObject({ status: 'called', window: windowNo })
        order.push(res.json().number)
      }
      expect(order).toEqual([v.number, a.number, b.number])
      expectErrorBody(await callNextAt(t.app, s.window1, 'lh-district', 4), 409, 'QUEUE_EMPTY')
      const console = (await get('/api/v1/staff/halls/lh-district/queue', s.window1)).json()
      expect(Value.Check(StaffQueueSchema, console)).toBe(true)
      expect(console.windows.slice(0, 4).map((w: { ticket: Ticket | null }) => w.ticket?.number ?? null)).toEqual([v.number, a.number, b.number, null])
      expect(console.snapshot.categories.find((c: { id: string }) => c.id === 'V').serving).toEqual([v.number])
    })

    it('serves only the categories a window is set to, and finishes the previous ticket on the next call', async () => {
      const a = await takeTicket(t.app, await citizen())
      const b = await takeTicket(t.app, await citizen(), 'lh-district', 'B')
      const first = await callNextAt(t.app, s.window1, 'lh-district', 5, { categoryIds: ['B'] })
      expect(first.json().number).toBe(b.number)
      // The window keeps serving B only: A waits for another window.
      expectErrorBody(await callNextAt(t.app, s.window1, 'lh-district', 5), 409, 'QUEUE_EMPTY')
      const next = await callNextAt(t.app, s.window1, 'lh-district', 6)
      expect(next.json().number).toBe(a.number)
      await takeTicket(t.app, await citizen(), 'lh-district', 'B')
      await callNextAt(t.app, s.window1, 'lh-district', 5)
      const staffView = (await get('/api/v1/staff/halls/lh-district/queue', s.window1)).json()
      // Window 5 now serves B only; the other 29 serve everything.
      const openWindows = Object.fromEntries(staffView.snapshot.categories.map((c: { id: string; openWindows: number }) => [c.id, c.openWindows]))
      expect(openWindows).toMatchObject({ A: 29, B: 30, V: 29 })
      const done = await t.database.db.selectFrom('tickets').select('status').where('id', '=', first.json().id).executeTakeFirstOrThrow()
      expect(done.status).toBe('done')
    })

    it('recalls, skips, completes and transfers; a finished ticket cannot be acted on again', async () => {
      const holder = await citizen()
      const ticket = await takeTicket(t.app, holder)
      const called = (await callNextAt(t.app, s.window1, 'lh-district', 1)).json()
      expect(called.id).toBe(ticket.id)
      expect((await staffAction(t.app, s.window1, ticket.id, 'recall')).json()).toMatchObject({ status: 'called', window: 1 })
      const transferred = await staffAction(t.app, s.window1, ticket.id, 'transfer', { categoryId: 'B' })
      expect(transferred.json()).toMatchObject({ status: 'waiting', categoryId: 'B', number: ticket.number, window: null })
      const again = await callNextAt(t.app, s.window1, 'lh-district', 2)
      expect(again.json()).toMatchObject({ id: ticket.id, window: 2 })
      expect((await staffAction(t.app, s.window1, ticket.id, 'complete')).json()).toMatchObject({ status: 'done' })
      expectErrorBody(await staffAction(t.app, s.window1, ticket.id, 'complete'), 409, 'TICKET_NOT_ACTIVE')
      expectErrorBody(await staffAction(t.app, s.window1, ticket.id, 'recall'), 409, 'TICKET_NOT_ACTIVE')
      expectErrorBody(await staffAction(t.app, s.window1, ticket.id, 'skip'), 409, 'TICKET_NOT_ACTIVE')
      expectErrorBody(await staffAction(t.app, s.window1, ticket.id, 'transfer', { categoryId: 'A' }), 409, 'TICKET_NOT_ACTIVE')
      // Numbers in the transferred-to category are unaffected.
      expect((await takeTicket(t.app, await citizen(), 'lh-district', 'B')).number).toBe('B001')

      const noShow = await takeTicket(t.app, await citizen())
      await callNextAt(t.app, s.window1, 'lh-district', 1)
      expect((await staffAction(t.app, s.window1, noShow.id, 'skip')).json()).toMatchObject({ status: 'skipped' })
      expect((await get(`/api/v1/tickets/${ticket.id}`, holder)).json().status).toBe('done')
    })

    it('closes a window: it counts no more in the waits citizens see, refuses while a number is at it, and reopens on the next call', async () => {
      const ticket = await takeTicket(t.app, await citizen(), 'lh-guanhu-luhu')
      const before = (await get('/api/v1/halls/lh-guanhu-luhu/queue', s.window1)).json()
      const openBefore = before.categories.find((c: { id: string }) => c.id === 'A').openWindows
      await callNextAt(t.app, s.admin, 'lh-guanhu-luhu', 1)
      const close = (windowNo: number, session = s.admin) =>
        t.app.inject({ method: 'POST', url: `/api/v1/staff/halls/lh-guanhu-luhu/windows/${windowNo}/close`, headers: bearer(session) })
      expectErrorBody(await close(1), 409, 'WINDOW_BUSY')
      await staffAction(t.app, s.admin, ticket.id, 'complete')
      const closed = await close(1)
      expect(closed.statusCode).toBe(200)
      expect(Value.Check(StaffQueueSchema, closed.json())).toBe(true)
      expect(closed.json().windows[0]).toMatchObject({ no: 1, open: false, ticket: null })
      const after = (await get('/api/v1/halls/lh-guanhu-luhu/queue', s.window1)).json()
      expect(after.categories.find((c: { id: string }) => c.id === 'A').openWindows).toBe(openBefore - 1)
      expect(after.version).toBeGreaterThan(before.version)
      expectErrorBody(await close(99), 404, 'WINDOW_NOT_FOUND')
      expectErrorBody(await close(1, guanhuStaff), 403, 'FORBIDDEN')
      await takeTicket(t.app, await citizen(), 'lh-guanhu-luhu')
      await callNextAt(t.app, s.admin, 'lh-guanhu-luhu', 1)
      const reopened = (await get('/api/v1/staff/halls/lh-guanhu-luhu/queue', s.admin)).json()
      expect(reopened.windows[0].open).toBe(true)
    })

    it('gives windows calling at the same moment different tickets, and the last caller QUEUE_EMPTY', async () => {
      const tickets = [await takeTicket(t.app, await citizen()), await takeTicket(t.app, await citizen())]
      const calls = await Promise.all([7, 8, 9].map((windowNo) => callNextAt(t.app, s.window1, 'lh-district', windowNo)))
      const called = calls.filter((res) => res.statusCode === 200).map((res) => res.json().id)
      expect(called.sort()).toEqual(tickets.map((ticket) => ticket.id).sort())
      expect(calls.filter((res) => res.statusCode === 409).map((res) => res.json().error.code)).toEqual(['QUEUE_EMPTY'])
    })

    it('answers bad staff input with 4xx', async () => {
      const ticket = await takeTicket(t.app, await citizen())
      expectErrorBody(await callNextAt(t.app, s.window1, 'lh-district', 31), 404, 'WINDOW_NOT_FOUND')
      expectErrorBody(await callNextAt(t.app, s.window1, 'lh-district', 0), 400, 'VALIDATION_FAILED')
      expectErrorBody(await callNextAt(t.app, s.window1, 'lh-district', 1, { categoryIds: ['Z'] }), 400, 'CATEGORY_NOT_FOUND')
      expectErrorBody(await callNextAt(t.app, s.admin, 'nowhere', 1), 404, 'HALL_NOT_FOUND')
      expectErrorBody(await get('/api/v1/staff/halls/nowhere/queue', s.admin), 404, 'HALL_NOT_FOUND')
      expectErrorBody(await staffAction(t.app, s.window1, 'nope', 'skip'), 404, 'TICKET_NOT_FOUND')
      expectErrorBody(await staffAction(t.app, s.window1, ticket.id, 'transfer', { categoryId: 'Z' }), 400, 'CATEGORY_NOT_FOUND')
      expectErrorBody(await staffAction(t.app, s.window1, ticket.id, 'transfer', {}), 400, 'VALIDATION_FAILED')
      expectErrorBody(await staffAction(t.app, s.window1, ticket.id, 'complete'), 409, 'TICKET_NOT_ACTIVE')
    })

    it("refuses another hall's staff with 403, and lets an administrator act anywhere", async () => {
      const ticket = await takeTicket(t.app, await citizen())
      expectErrorBody(await callNextAt(t.app, guanhuStaff, 'lh-district', 1), 403, 'FORBIDDEN')
      expectErrorBody(await staffAction(t.app, guanhuStaff, ticket.id, 'skip'), 403, 'FORBIDDEN')
      expectErrorBody(await get('/api/v1/staff/halls/lh-district/queue', guanhuStaff), 403, 'FORBIDDEN')
      expectErrorBody(await callNextAt(t.app, s.citizenA, 'lh-district', 1), 403, 'FORBIDDEN')
      const byAdmin = await callNextAt(t.app, s.admin, 'lh-district', 1)
      expect(byAdmin.json().id).toBe(ticket.id)
      expect((await callNextAt(t.app, guanhuStaff, 'lh-guanhu', 1)).statusCode).toBe(409)
    })

    it('reminds the holder when three are ahead and when called, once each', async () => {
      const holders = await Promise.all([1, 2, 3, 4, 5].map(() => citizen()))
      const tickets: Ticket[] = []
      for (const holder of holders) tickets.push(await takeTicket(t.app, holder, 'lh-guanhu-luhu'))
      // Fifth ticket has 4 ahead: no reminder for it yet; the first four are within three.
      expect(reminders.filter((r) => r.kind === 'nearTurn').map((r) => r.number)).toEqual(['A001', 'A002', 'A003', 'A004'])
      await callNextAt(t.app, s.admin, 'lh-guanhu-luhu', 1)
      expect(reminders.filter((r) => r.kind === 'nearTurn').map((r) => r.number)).toEqual(['A001', 'A002', 'A003', 'A004', 'A005'])
      expect(reminders.filter((r) => r.kind === 'called')).toEqual([{ kind: 'called', number: 'A001', ahead: 0, userId: holders[0].user.id }])
      await staffAction(t.app, s.admin, tickets[0].id, 'recall')
      expect(reminders.filter((r) => r.kind === 'called')).toHaveLength(2)
    })
  })

  describe('queue machine integration', () => {
    let key: string
    beforeAll(async () => {
      const { createIntegrationKey } = await import('../../server/modules/queue/integration')
      key = await createIntegrationKey(t.database.db, 'lh-longhua', t.clock.now())
    })
    const send = (events: object[], apiKey: string | null = key) =>
      t.app.inject({ method: 'POST', url: '/api/v1/integrations/queue-events', headers: apiKey ? { 'x-api-key': apiKey } : {}, payload: { events } })

    it('refuses a missing or wrong key with 401 INTEGRATION_KEY_INVALID, before looking at the body', async () => {
      expectErrorBody(await send([{ eventId: 'e1', type: 'issued', categoryId: 'A', number: 'A001' }], null), 401, 'INTEGRATION_KEY_INVALID')
      expectErrorBody(await send([{ eventId: 'e1', type: 'issued', categoryId: 'A', number: 'A001' }], 'bsq_wrong'), 401, 'INTEGRATION_KEY_INVALID')
      expectErrorBody(await send([{ nonsense: true }], 'bsq_wrong'), 401, 'INTEGRATION_KEY_INVALID')
    })

    it('applies issued, called, completed and skipped events once each, by event id', async () => {
      const events = [
        { eventId: 'm-1', type: 'issued', categoryId: 'A', number: 'A041' },
        { eventId: 'm-2', type: 'issued', categoryId: 'A', number: 'A042' },
        { eventId: 'm-3', type: 'called', categoryId: 'A', number: 'A041', window: 2 },
      ]
      const first = await send(events)
      expect(first.statusCode).toBe(200)
      expect(first.json()).toEqual({ applied: 3, duplicates: 0 })
      expect((await send(events)).json()).toEqual({ applied: 0, duplicates: 3 })
      let snapshot = (await get('/api/v1/halls/lh-longhua/queue')).json()
      expect(snapshot.categories[0]).toMatchObject({ serving: ['A041'], waiting: 1 })
      await send([
        { eventId: 'm-4', type: 'completed', categoryId: 'A', number: 'A041' },
        { eventId: 'm-5', type: 'skipped', categoryId: 'A', number: 'A042' },
      ])
      snapshot = (await get('/api/v1/halls/lh-longhua/queue')).json()
      expect(snapshot.categories[0]).toMatchObject({ serving: [], waiting: 0 })
      // App numbers continue after the machine's, never repeating one.
      expect((await takeTicket(t.app, await citizen(), 'lh-longhua')).number).toBe('A043')
    })

    it('refuses an unknown category, a number without digits or a bad time with 400, applying nothing', async () => {
      expectErrorBody(await send([{ eventId: 'x-1', type: 'issued', categoryId: 'A', number: 'A100' }, { eventId: 'x-2', type: 'issued', categoryId: 'Z', number: 'Z001' }]), 400, 'CATEGORY_NOT_FOUND')
      expectErrorBody(await send([{ eventId: 'x-3', type: 'issued', categoryId: 'A', number: 'AAA' }]), 400, 'VALIDATION_FAILED')
      expectErrorBody(await send([{ eventId: 'x-4', type: 'issued', categoryId: 'A', number: 'A101', at: 'yesterday' }]), 400, 'VALIDATION_FAILED')
      expectErrorBody(await send([{ eventId: 'x-5', type: 'teleported', categoryId: 'A', number: 'A101' }]), 400, 'VALIDATION_FAILED')
      expectErrorBody(await send([]), 400, 'VALIDATION_FAILED')
      // x-1 was rolled back with its batch: sending it again applies it.
      expect((await send([{ eventId: 'x-1', type: 'issued', categoryId: 'A', number: 'A100' }])).json()).toEqual({ applied: 1, duplicates: 0 })
    })
  })
})

// Who may call what: every API route, called by every kind of caller, answers the status this table expects.
// A new route fails this test until it has a row here, so later issues extend the same matrix with their routes.
import type { FastifyInstance } from 'fastify'
import type { Session } from '@/domain/contract'
import { ephemeralAuthSettings } from '../../server/modules/auth/settings'
import { createTestApp, dialects, postgresSkipReason, type TestApp } from './support/testApp'
import { bearer, devSignIn, signInEveryRole } from './support/signIn'
import { multipartBody, PHOTO_WITH_GPS, submitOnline, uploadId, WINDOW_ONLY_ITEM } from './support/applications'
import { addResident } from './support/residents'
import { kioskTicket, waitingTicketOf } from './support/queue'
import { freshAppointment, HALL, PERSON, POLICE_ITEM } from './support/appointments'

if (postgresSkipReason) console.info(postgresSkipReason)

const CALLERS = ['anonymous', 'citizenA', 'citizenB', 'grid1', 'grid2', 'window1', 'admin'] as const
type Caller = (typeof CALLERS)[number]
type Sessions = Record<Exclude<Caller, 'anonymous'>, Session>

interface Request {
  url: string
  payload?: object | Buffer
  headers?: Record<string, string>
}

interface Case {
  method: string
  /** The route as registered (with :params). */
  route: string
  /** The concrete request; may use the signed-in sessions (e.g. citizen A's own ids). */
  request(context: { sessions: Sessions; citizenAPhone: string; app: FastifyInstance }): Request | Promise<Request>
  expect: Record<Caller, number>
  /**
   * The call changes the caller's own account (signs out, closes it): each caller then uses a throwaway session of
   * the same role, so the shared sessions stay valid for the other rows.
   */
  throwaway?: boolean
}

const everyone = (status: number): Record<Caller, number> =>
  Object.fromEntries(CALLERS.map((caller) => [caller, status])) as Record<Caller, number>
const signedIn = (status: number, overrides: Partial<Record<Caller, number>> = {}) => ({ ...everyone(status), anonymous: 401, ...overrides })
const onlyRoles = (status: number, allowed: Caller[]) =>
  ({ ...everyone(403), anonymous: 401, ...Object.fromEntries(allowed.map((caller) => [caller, status])) }) as Record<Caller, number>

const CITIZEN_A_PHONE = '13600000001'
/** A browser's subscription as PushSubscription.toJSON() gives it (a P-256 point and 16 auth bytes). */
const PUSH_SUBSCRIPTION = {
  endpoint: 'https://push.example.org/send/matrix-browser',
  keys: { p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString('base64url'), auth: Buffer.alloc(16, 1).toString('base64url') },
}

const CASES: Case[] = [
  // Public reading: the same answer with or without a token.
  { method: 'GET', route: '/api/v1/items', request: () => ({ url: '/api/v1/items?limit=1' }), expect: everyone(200) },
  { method: 'GET', route: '/api/v1/items/suggest', request: () => ({ url: '/api/v1/items/suggest?q=shenfen' }), expect: everyone(200) },
  { method: 'GET', route: '/api/v1/items/:code', request: () => ({ url: '/api/v1/items/010100010000' }), expect: everyone(200) },
  { method: 'GET', route: '/api/v1/topics', request: () => ({ url: '/api/v1/topics' }), expect: everyone(200) },
  { method: 'GET', route: '/api/v1/departments', request: () => ({ url: '/api/v1/departments' }), expect: everyone(200) },
  { method: 'GET', route: '/api/v1/halls', request: () => ({ url: '/api/v1/halls' }), expect: everyone(200) },
  { method: 'GET', route: '/api/v1/halls/:id', request: () => ({ url: '/api/v1/halls/lh-district' }), expect: everyone(200) },
  { method: 'GET', route: '/api/v1/openapi.json', request: () => ({ url: '/api/v1/openapi.json' }), expect: everyone(200) },

  // Sign-in is open to all; these bodies are wrong on purpose, and the answer never depends on who asks.
  { method: 'POST', route: '/api/v1/auth/wechat', request: () => ({ url: '/api/v1/auth/wechat', payload: { code: 'x' } }), expect: everyone(503) },
  { method: 'POST', route: '/api/v1/auth/sms/send', request: () => ({ url: '/api/v1/auth/sms/send', payload: { phone: '13600000009' } }), expect: everyone(503) },
  { method: 'POST', route: '/api/v1/auth/sms/verify', request: () => ({ url: '/api/v1/auth/sms/verify', payload: { phone: '13600000009', code: '123456' } }), expect: everyone(400) },
  { method: 'POST', route: '/api/v1/auth/staff/login', request: () => ({ url: '/api/v1/auth/staff/login', payload: { username: 'nobody-here', password: 'not-it' } }), expect: everyone(401) },
  { method: 'POST', route: '/api/v1/auth/refresh', request: () => ({ url: '/api/v1/auth/refresh', payload: { refreshToken: 'forged' } }), expect: everyone(401) },
  { method: 'POST', route: '/api/v1/auth/dev', request: () => ({ url: '/api/v1/auth/dev', payload: { phone: '13600000010' } }), expect: everyone(200) },
  { method: 'POST', route: '/api/v1/auth/logout', request: () => ({ url: '/api/v1/auth/logout' }), expect: signedIn(204), throwaway: true },

  // My own account.
  { method: 'GET', route: '/api/v1/me', request: () => ({ url: '/api/v1/me' }), expect: signedIn(200) },
  { method: 'PATCH', route: '/api/v1/me', request: () => ({ url: '/api/v1/me', payload: { name: '张三' } }), expect: onlyRoles(200, ['citizenA', 'citizenB']) },
  { method: 'DELETE', route: '/api/v1/me', request: () => ({ url: '/api/v1/me' }), expect: onlyRoles(204, ['citizenA', 'citizenB']), throwaway: true },
  { method: 'GET', route: '/api/v1/me/sessions', request: () => ({ url: '/api/v1/me/sessions' }), expect: signedIn(200) },
  {
    // Citizen A's second device: A may sign it out; for everyone else it does not exist (404, not 403).
    method: 'DELETE',
    route: '/api/v1/me/sessions/:id',
    async request({ app }) {
      const second = await devSignIn(app, { phone: CITIZEN_A_PHONE })
      const claims = JSON.parse(Buffer.from(second.accessToken.split('.')[1], 'base64url').toString())
      return { url: `/api/v1/me/sessions/${claims.sid}` }
    },
    expect: signedIn(404, { citizenA: 204 }),
  },

  // Citizens' personal data: window staff and admins only, audited.
  {
    method: 'GET',
    route: '/api/v1/staff/citizens',
    request: ({ citizenAPhone }) => ({ url: `/api/v1/staff/citizens?phone=${citizenAPhone}` }),
    expect: onlyRoles(200, ['window1', 'admin']),
  },
  {
    method: 'GET',
    route: '/api/v1/staff/citizens/:id',
    request: ({ sessions }) => ({ url: `/api/v1/staff/citizens/${sessions.citizenA.user.id}` }),
    expect: onlyRoles(200, ['window1', 'admin']),
  },
  { method: 'GET', route: '/api/v1/admin/audit', request: () => ({ url: '/api/v1/admin/audit' }), expect: onlyRoles(200, ['admin']) },

  // Applications: public lookup (an unknown number is 404 for everyone), submitting by citizens and grid workers.
  {
    method: 'GET',
    route: '/api/v1/applications/lookup',
    request: () => ({ url: '/api/v1/applications/lookup?no=20261125000000000000&phoneLast4=0001' }),
    expect: everyone(404),
  },
  {
    method: 'POST',
    route: '/api/v1/applications',
    request: () => ({ url: '/api/v1/applications', payload: { itemCode: WINDOW_ONLY_ITEM, applicant: { name: '张三', idNumber: '11010519491231002X', phone: '13600000001' }, materials: [], consent: { sensitive: true } } }),
    expect: onlyRoles(409, ['citizenA', 'citizenB', 'grid1', 'grid2']),
  },
  { method: 'GET', route: '/api/v1/applications', request: () => ({ url: '/api/v1/applications' }), expect: signedIn(200) },
  {
    // Citizen A's own application: anyone else is told it does not exist.
    method: 'GET',
    route: '/api/v1/applications/:no',
    request: async ({ app, sessions }) => ({ url: `/api/v1/applications/${(await submitOnline(app, sessions.citizenA)).no}` }),
    expect: signedIn(404, { citizenA: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/evaluations',
    request: () => ({ url: '/api/v1/evaluations', payload: { target: { type: 'application', id: '20261125000000000000' }, score: 5 } }),
    expect: onlyRoles(404, ['citizenA', 'citizenB']),
  },
  {
    method: 'GET',
    route: '/api/v1/staff/applications/:no',
    request: async ({ app, sessions }) => ({ url: `/api/v1/staff/applications/${(await submitOnline(app, sessions.citizenA)).no}` }),
    expect: onlyRoles(200, ['window1']),
  },
  {
    // Deciding a case just submitted skips steps: the hall's window staff get as far as the status machine (409).
    method: 'POST',
    route: '/api/v1/staff/applications/:no/events',
    request: async ({ app, sessions }) => ({
      url: `/api/v1/staff/applications/${(await submitOnline(app, sessions.citizenA)).no}/events`,
      payload: { stage: 'decided', outcome: 'approved' },
    }),
    expect: onlyRoles(409, ['window1']),
  },
  {
    method: 'POST',
    route: '/api/v1/uploads',
    request: () => {
      const { payload, headers } = multipartBody(PHOTO_WITH_GPS)
      return { url: '/api/v1/uploads', payload, headers }
    },
    expect: onlyRoles(201, ['citizenA', 'citizenB', 'grid1', 'grid2']),
  },
  {
    // Citizen A's upload, not yet attached: only its uploader may read it.
    method: 'GET',
    route: '/api/v1/uploads/:id',
    request: async ({ app, sessions }) => ({ url: `/api/v1/uploads/${await uploadId(app, sessions.citizenA)}` }),
    expect: signedIn(404, { citizenA: 200 }),
  },
  // Grid workers: their own grid's residents only (grid1 works on the resident's grid, grid2 elsewhere).
  { method: 'GET', route: '/api/v1/grid/residents', request: () => ({ url: '/api/v1/grid/residents?eligible=1' }), expect: onlyRoles(200, ['grid1', 'grid2']) },
  {
    method: 'GET',
    route: '/api/v1/grid/residents/:id',
    request: async ({ app }) => ({ url: `/api/v1/grid/residents/${await addResident(app)}` }),
    expect: { ...onlyRoles(200, ['grid1', 'admin']), grid2: 404 },
  },
  {
    method: 'GET',
    route: '/api/v1/grid/residents/:id/applicant',
    request: async ({ app }) => ({ url: `/api/v1/grid/residents/${await addResident(app)}/applicant` }),
    expect: { ...onlyRoles(200, ['grid1']), grid2: 404 },
  },
  {
    method: 'POST',
    route: '/api/v1/grid/visits',
    request: async ({ app }) => ({ url: '/api/v1/grid/visits', payload: { residentId: await addResident(app), outcome: 'not_home' } }),
    expect: { ...onlyRoles(201, ['grid1']), grid2: 404 },
  },

  // Live queue: snapshots and the socket are public; a ticket is its holder's; the console is the hall's staff's.
  { method: 'GET', route: '/api/v1/halls/:id/queue', request: () => ({ url: '/api/v1/halls/lh-district/queue' }), expect: everyone(200) },
  // A plain HTTP request to the socket's address is told to upgrade, whoever asks.
  { method: 'GET', route: '/api/v1/live', request: () => ({ url: '/api/v1/live' }), expect: everyone(426) },
  {
    // Every signed-in caller is a different person: each takes their own first number at this hall.
    method: 'POST',
    route: '/api/v1/halls/:id/tickets',
    request: () => ({ url: '/api/v1/halls/lh-district/tickets', payload: { categoryId: 'A' } }),
    expect: signedIn(201),
  },
  {
    method: 'GET',
    route: '/api/v1/me/tickets',
    request: async () => ({ url: '/api/v1/me/tickets' }),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/v1/tickets/:id',
    request: async ({ app, sessions }) => ({ url: `/api/v1/tickets/${await waitingTicketOf(app, sessions.citizenA, 'lh-guanhu')}` }),
    expect: signedIn(404, { citizenA: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/tickets/:id/cancel',
    request: async ({ app, sessions }) => ({ url: `/api/v1/tickets/${await waitingTicketOf(app, sessions.citizenA, 'lh-minzhi')}/cancel` }),
    expect: signedIn(404, { citizenA: 200 }),
  },
  { method: 'GET', route: '/api/v1/staff/halls/:id/queue', request: () => ({ url: '/api/v1/staff/halls/lh-district/queue' }), expect: onlyRoles(200, ['window1', 'admin']) },
  {
    // window1 is staff of lh-district; a kiosk number waits there for every call.
    method: 'POST',
    route: '/api/v1/staff/halls/:id/windows/:no/call-next',
    request: async ({ app }) => {
      await kioskTicket(app)
      return { url: '/api/v1/staff/halls/lh-district/windows/3/call-next', payload: {} }
    },
    expect: onlyRoles(200, ['window1', 'admin']),
  },
  {
    method: 'POST',
    route: '/api/v1/staff/halls/:id/windows/:no/close',
    request: async () => ({ url: '/api/v1/staff/halls/lh-district/windows/20/close' }),
    expect: onlyRoles(200, ['window1', 'admin']),
  },
  ...(['recall', 'complete'] as const).map(
    (action): Case => ({
      method: 'POST',
      route: `/api/v1/staff/tickets/:id/${action}`,
      request: async ({ app }) => ({ url: `/api/v1/staff/tickets/${await kioskTicket(app, 'lh-district', true)}/${action}` }),
      expect: onlyRoles(200, ['window1', 'admin']),
    }),
  ),
  {
    method: 'POST',
    route: '/api/v1/staff/tickets/:id/skip',
    request: async ({ app }) => ({ url: `/api/v1/staff/tickets/${await kioskTicket(app)}/skip` }),
    expect: onlyRoles(200, ['window1', 'admin']),
  },
  {
    method: 'POST',
    route: '/api/v1/staff/tickets/:id/transfer',
    request: async ({ app }) => ({ url: `/api/v1/staff/tickets/${await kioskTicket(app)}/transfer`, payload: { categoryId: 'B' } }),
    expect: onlyRoles(200, ['window1', 'admin']),
  },
  {
    // A queue machine's key, not a person's token: without the key, nobody gets in.
    method: 'POST',
    route: '/api/v1/integrations/queue-events',
    request: () => ({ url: '/api/v1/integrations/queue-events', payload: { events: [{ eventId: 'e', type: 'issued', categoryId: 'A', number: 'A001' }] } }),
    expect: everyone(401),
  },
  // Appointments: slots are public; bookings belong to their person, and anyone else is told they do not exist.
  { method: 'GET', route: '/api/v1/halls/:id/slots', request: () => ({ url: `/api/v1/halls/${HALL}/slots?date=2026-11-26&item=${POLICE_ITEM}` }), expect: everyone(200) },
  { method: 'GET', route: '/api/v1/halls/:id/slot-days', request: () => ({ url: `/api/v1/halls/${HALL}/slot-days?item=${POLICE_ITEM}` }), expect: everyone(200) },
  {
    method: 'POST',
    route: '/api/v1/appointments',
    request: () => ({ url: '/api/v1/appointments', payload: { slotId: 'no-such-slot', itemCode: POLICE_ITEM, ...PERSON } }),
    expect: signedIn(404),
  },
  { method: 'GET', route: '/api/v1/appointments', request: () => ({ url: '/api/v1/appointments' }), expect: signedIn(200) },
  {
    method: 'GET',
    route: '/api/v1/appointments/:id',
    request: async ({ app, sessions }) => ({ url: `/api/v1/appointments/${(await freshAppointment(app, sessions.citizenA)).appointment.id}` }),
    expect: signedIn(404, { citizenA: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/appointments/:id/cancel',
    request: async ({ app, sessions }) => ({ url: `/api/v1/appointments/${(await freshAppointment(app, sessions.citizenA)).appointment.id}/cancel` }),
    expect: signedIn(404, { citizenA: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/appointments/:id/reschedule',
    async request({ app, sessions }) {
      const { appointment, otherSlotId } = await freshAppointment(app, sessions.citizenA)
      return { url: `/api/v1/appointments/${appointment.id}/reschedule`, payload: { slotId: otherSlotId } }
    },
    expect: signedIn(404, { citizenA: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/appointments/:id/running-late',
    request: async ({ app, sessions }) => ({ url: `/api/v1/appointments/${(await freshAppointment(app, sessions.citizenA)).appointment.id}/running-late` }),
    expect: signedIn(404, { citizenA: 200 }),
  },
  {
    // Booked for a later day: the owner reaches the time rule (409), everyone else finds nothing.
    method: 'POST',
    route: '/api/v1/appointments/:id/check-in',
    request: async ({ app, sessions }) => ({
      url: `/api/v1/appointments/${(await freshAppointment(app, sessions.citizenA)).appointment.id}/check-in`,
      payload: { method: 'scan', hallCode: `banshi:hall:${HALL}` },
    }),
    expect: signedIn(404, { citizenA: 409 }),
  },
  {
    method: 'POST',
    route: '/api/v1/appointments/waitlist',
    request: () => ({ url: '/api/v1/appointments/waitlist', payload: { hallId: 'lh-nowhere', itemCode: POLICE_ITEM, date: '2026-11-26', ...PERSON } }),
    expect: signedIn(404),
  },
  { method: 'GET', route: '/api/v1/appointments/waitlist', request: () => ({ url: '/api/v1/appointments/waitlist' }), expect: signedIn(200) },
  {
    method: 'POST',
    route: '/api/v1/appointments/waitlist/:id/leave',
    request: () => ({ url: '/api/v1/appointments/waitlist/no-such-entry/leave' }),
    expect: signedIn(404),
  },
  // Reminders outside the app: what to ask consent for is public; consent itself is each citizen's own.
  { method: 'GET', route: '/api/v1/notifications/config', request: () => ({ url: '/api/v1/notifications/config' }), expect: everyone(200) },
  {
    method: 'POST',
    route: '/api/v1/me/notification-grants',
    request: () => ({ url: '/api/v1/me/notification-grants', payload: { grants: [{ template: 'queue', result: 'accept' }] } }),
    expect: onlyRoles(200, ['citizenA', 'citizenB']),
  },
  {
    method: 'PUT',
    route: '/api/v1/me/push-subscriptions',
    request: () => ({ url: '/api/v1/me/push-subscriptions', payload: PUSH_SUBSCRIPTION }),
    expect: onlyRoles(200, ['citizenA', 'citizenB']),
  },
  {
    method: 'DELETE',
    route: '/api/v1/me/push-subscriptions',
    request: () => ({ url: '/api/v1/me/push-subscriptions', payload: { endpoint: PUSH_SUBSCRIPTION.endpoint } }),
    expect: onlyRoles(204, ['citizenA', 'citizenB']),
  },
  { method: 'GET', route: '/api/v1/me/notification-settings', request: () => ({ url: '/api/v1/me/notification-settings' }), expect: onlyRoles(200, ['citizenA', 'citizenB']) },
  {
    method: 'PUT',
    route: '/api/v1/me/notification-settings',
    request: () => ({ url: '/api/v1/me/notification-settings', payload: { sms: false } }),
    expect: onlyRoles(200, ['citizenA', 'citizenB']),
  },
]

describe.each(dialects)('authorization matrix on %s', (dialect) => {
  let t: TestApp
  let sessions: Sessions

  beforeAll(async () => {
    t = await createTestApp(dialect, { auth: ephemeralAuthSettings({ devLogin: true }) })
    const signedIn = await signInEveryRole(t.app)
    sessions = { ...signedIn, citizenA: await devSignIn(t.app, { phone: CITIZEN_A_PHONE }) }
  }, 60_000)
  afterAll(() => t.close())

  it('has a row for every API route, and every row is a route', () => {
    const registered = t.app.routeAccess.map((route) => `${route.method} ${route.url}`).sort()
    const covered = CASES.map((row) => `${row.method} ${row.route}`).sort()
    expect(covered).toEqual(registered)
  })

  let throwawayPhone = 13700000000
  async function sessionFor(caller: Exclude<Caller, 'anonymous'>, throwaway: boolean): Promise<Session> {
    if (!throwaway) return sessions[caller]
    const role = sessions[caller].user.role
    if (role === 'citizen') return devSignIn(t.app, { phone: String((throwawayPhone += 1)) })
    return devSignIn(t.app, { username: sessions[caller].user.username! })
  }

  describe.each(CASES)('$method $route', (row) => {
    it.each(CALLERS)('as %s', async (caller) => {
      const request = await row.request({ sessions, citizenAPhone: CITIZEN_A_PHONE, app: t.app })
      const auth = caller === 'anonymous' ? {} : bearer(await sessionFor(caller, row.throwaway ?? false))
      const headers = { ...request.headers, ...auth }
      const res = await t.app.inject({ method: row.method as 'GET', url: request.url, payload: request.payload, headers })
      expect({ caller, status: res.statusCode }).toEqual({ caller, status: row.expect[caller] })
      if (res.statusCode >= 400) expect(res.json().error.code).toMatch(/^[A-Z_]+$/)
    })
  })
})

// The msw fixtures must look exactly like the real API, so client tests and mock-backed development cannot
// drift from the server: every mocked answer is checked against the server's own response schemas.
import { Value } from '@sinclair/typebox/value'
import type { TSchema } from '@sinclair/typebox'
import {
  DepartmentListSchema,
  ErrorBodySchema,
  GuideSchema,
  HallDetailSchema,
  HallSchema,
  ItemListSchema,
  ItemSuggestionListSchema,
  TopicListSchema,
  SessionSchema,
  SmsSentSchema,
  ProfileSchema,
  DeviceSessionSchema,
  ApplicationProgressSchema,
  ApplicationListSchema,
  ApplicationSchema,
  UploadSchema,
  EvaluationCreatedSchema,
  StaffApplicationSchema,
  QueueSnapshotSchema,
  TicketSchema,
  StaffQueueSchema,
  SlotSchema,
  SlotDaySchema,
  AppointmentSchema,
  CheckInResultSchema,
  WaitlistEntrySchema,
  NotificationConfigSchema,
  NotificationStatusSchema,
} from '@/domain/contract'
import { BOOKABLE_ITEM, FIRST_DAY, FULL_DAY, slotId } from '../../mock/fixtures/appointments'
import { FINISHED_NO, FIXTURE_LAST4, FIXTURE_NO } from '../../mock/fixtures/applications'
import { Type } from '@sinclair/typebox'
import { fixtureGuides } from '../../mock/fixtures/catalog'

const API = 'http://banshi.test/api/v1'

async function expectShape(path: string, schema: TSchema, status = 200) {
  const response = await fetch(`${API}${path}`)
  expect(response.status).toBe(status)
  const body = await response.json()
  const errors = [...Value.Errors(schema, body)].map((e) => `${e.path}: ${e.message}`)
  expect(errors).toEqual([])
}

/** Signed in as the mock session; JSON bodies. */
const auth = { authorization: 'Bearer mock-access-1', 'content-type': 'application/json' }

/** The answer has this status and its body fits the schema; returns the body. */
async function check(response: Response, schema: TSchema, status: number) {
  expect(response.status).toBe(status)
  const json = await response.json()
  expect([...Value.Errors(schema, json)].map((e) => `${e.path}: ${e.message}`)).toEqual([])
  return json
}

describe('msw mocks satisfy the server schemas', () => {
  it('notification config and settings', async () => {
    await expectShape('/notifications/config', NotificationConfigSchema)
    await check(await fetch(`${API}/me/notification-settings`, { headers: auth }), NotificationStatusSchema, 200)
    await check(await fetch(`${API}/me/notification-settings`, { method: 'PUT', headers: auth, body: JSON.stringify({ locale: 'en', sms: false }) }), NotificationStatusSchema, 200)
    await check(await fetch(`${API}/me/notification-settings`, { method: 'PUT', headers: auth, body: JSON.stringify({ quiet: true }) }), ErrorBodySchema, 400)
    await check(await fetch(`${API}/me/notification-grants`, { method: 'POST', headers: auth, body: JSON.stringify({ grants: [] }) }), ErrorBodySchema, 400)
  })

  it('item lists', async () => {
    await expectShape('/items', ItemListSchema)
    await expectShape(`/items?q=${encodeURIComponent('身份证')}&limit=1`, ItemListSchema)
    await expectShape(`/items?topic=${encodeURIComponent('养老服务')}`, ItemListSchema)
    await expectShape(`/items?q=${encodeURIComponent('火星签证')}`, ItemListSchema)
    await expectShape(`/items?q=${encodeURIComponent('！！')}`, ItemListSchema)
  })

  it('search answers carry highlights, and zero results carry suggestions', async () => {
    const found = await (await fetch(`${API}/items?q=${encodeURIComponent('身份证')}`)).json()
    expect(found.items[0].highlights).toEqual([[2, 5]])
    const none = await (await fetch(`${API}/items?q=${encodeURIComponent('火星签证')}`)).json()
    expect(none.suggestions.hotline).toBe('12345')
  })

  it('suggestions', async () => {
    await expectShape(`/items/suggest?q=${encodeURIComponent('居住')}`, ItemSuggestionListSchema)
    await expectShape('/items/suggest?q=', ItemSuggestionListSchema)
  })

  it('every fixture guide', async () => {
    for (const guide of fixtureGuides) await expectShape(`/items/${guide.code}`, GuideSchema)
  })

  it('topics, departments and halls', async () => {
    await expectShape('/topics', TopicListSchema)
    await expectShape('/departments', DepartmentListSchema)
    await expectShape('/halls', Type.Array(HallSchema))
    await expectShape('/halls/lh-district', HallDetailSchema)
  })

  it('sign-in and my account', async () => {
    const post = async (path: string, body: unknown, schema: TSchema, headers: Record<string, string> = {}) => {
      const response = await fetch(`${API}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
      const json = await response.json()
      expect([...Value.Errors(schema, json)].map((e) => `${e.path}: ${e.message}`)).toEqual([])
      return json
    }
    await post('/auth/sms/send', { phone: '13812345678' }, SmsSentSchema)
    const session = await post('/auth/sms/verify', { phone: '13812345678', code: '123456' }, SessionSchema)
    await post('/auth/staff/login', { username: 'window1', password: 'banshi-demo' }, SessionSchema)
    await post('/auth/refresh', { refreshToken: session.refreshToken }, SessionSchema)
    await post('/auth/sms/verify', { phone: '13812345678', code: '000000' }, ErrorBodySchema)
    const auth = { authorization: `Bearer ${session.accessToken}` }
    for (const [path, schema] of [['/me', ProfileSchema], ['/me/sessions', Type.Array(DeviceSessionSchema)]] as const) {
      const json = await (await fetch(`${API}${path}`, { headers: auth })).json()
      expect([...Value.Errors(schema, json)].map((e) => `${e.path}: ${e.message}`)).toEqual([])
    }
    expect((await fetch(`${API}/me`)).status).toBe(401)
  })

  it('applications, uploads, ratings and the staff view', async () => {
    await check(await fetch(`${API}/applications/lookup?no=${FIXTURE_NO}&phoneLast4=${FIXTURE_LAST4}`), ApplicationProgressSchema, 200)
    await check(await fetch(`${API}/applications/lookup?no=${FIXTURE_NO}&phoneLast4=0000`), ErrorBodySchema, 404)
    await check(await fetch(`${API}/applications`, { headers: auth }), ApplicationListSchema, 200)
    await check(await fetch(`${API}/applications/${FINISHED_NO}`, { headers: auth }), ApplicationSchema, 200)
    await check(await fetch(`${API}/uploads`, { method: 'POST', headers: { authorization: auth.authorization } }), UploadSchema, 201)
    const submitted = await check(
      await fetch(`${API}/applications`, { method: 'POST', headers: auth, body: JSON.stringify({ itemCode: '010300010000', applicant: {}, materials: ['mock-upload-1'] }) }),
      ApplicationSchema,
      201,
    )
    await check(await fetch(`${API}/evaluations`, { method: 'POST', headers: auth, body: JSON.stringify({ target: { type: 'application', id: FINISHED_NO }, score: 5 }) }), EvaluationCreatedSchema, 201)
    await check(await fetch(`${API}/staff/applications/${submitted.no}`, { headers: auth }), StaffApplicationSchema, 200)
    await check(await fetch(`${API}/staff/applications/${submitted.no}/events`, { method: 'POST', headers: auth, body: JSON.stringify({ stage: 'accepted' }) }), StaffApplicationSchema, 200)
    await check(await fetch(`${API}/staff/applications/${submitted.no}/events`, { method: 'POST', headers: auth, body: JSON.stringify({ stage: 'accepted' }) }), ErrorBodySchema, 409)
  })

  it('halls, queue snapshots, tickets and the staff queue', async () => {
    await expectShape('/halls?lat=22.6&lng=114.03&item=010100010000', Type.Array(HallSchema))
    await expectShape('/halls/lh-guanhu', HallDetailSchema)
    await expectShape('/halls/lh-district/queue', QueueSnapshotSchema)
    const ticket = await check(await fetch(`${API}/halls/lh-district/tickets`, { method: 'POST', headers: auth, body: JSON.stringify({ categoryId: 'A' }) }), TicketSchema, 201)
    await check(await fetch(`${API}/halls/lh-district/tickets`, { method: 'POST', headers: auth, body: JSON.stringify({ categoryId: 'A' }) }), ErrorBodySchema, 409)
    await check(await fetch(`${API}/tickets/${ticket.id}`, { headers: auth }), TicketSchema, 200)
    await check(await fetch(`${API}/staff/halls/lh-district/queue`, { headers: auth }), StaffQueueSchema, 200)
    const called = await check(await fetch(`${API}/staff/halls/lh-district/windows/2/call-next`, { method: 'POST', headers: auth, body: '{}' }), TicketSchema, 200)
    await check(await fetch(`${API}/staff/tickets/${called.id}/transfer`, { method: 'POST', headers: auth, body: JSON.stringify({ categoryId: 'B' }) }), TicketSchema, 200)
    await check(await fetch(`${API}/tickets/${ticket.id}/cancel`, { method: 'POST', headers: auth }), TicketSchema, 200)
    await check(await fetch(`${API}/halls/lh-minzhi/tickets`, { method: 'POST', headers: auth, body: JSON.stringify({ categoryId: 'A' }) }), ErrorBodySchema, 409)
  })

  it('slots, appointments, check-in and the waitlist', async () => {
    await check(await fetch(`${API}/halls?item=${BOOKABLE_ITEM}`), Type.Array(HallSchema), 200)
    await check(await fetch(`${API}/halls/lh-district/slot-days?item=${BOOKABLE_ITEM}`), Type.Array(SlotDaySchema), 200)
    await check(await fetch(`${API}/halls/lh-district/slots?date=${FIRST_DAY}&item=${BOOKABLE_ITEM}`), Type.Array(SlotSchema), 200)
    await check(await fetch(`${API}/halls/lh-district/slots?date=${FIRST_DAY}&item=010300010000`), ErrorBodySchema, 409)
    const body = { slotId: slotId('lh-district', FIRST_DAY, '09:00'), itemCode: BOOKABLE_ITEM, name: '张三', phone: '13812345678', idNumber: '11010519491231002X' }
    const created = await check(await fetch(`${API}/appointments`, { method: 'POST', headers: { ...auth, 'idempotency-key': 'k1' }, body: JSON.stringify(body) }), AppointmentSchema, 201)
    await check(await fetch(`${API}/appointments`, { method: 'POST', headers: { ...auth, 'idempotency-key': 'k2' }, body: JSON.stringify({ ...body, slotId: slotId('lh-district', FIRST_DAY, '09:30') }) }), ErrorBodySchema, 409)
    await check(await fetch(`${API}/appointments`, { headers: auth }), Type.Array(AppointmentSchema), 200)
    await check(await fetch(`${API}/appointments/${created.id}`, { headers: auth }), AppointmentSchema, 200)
    await check(await fetch(`${API}/appointments/${created.id}/reschedule`, { method: 'POST', headers: auth, body: JSON.stringify({ slotId: slotId('lh-district', FIRST_DAY, '14:00') }) }), AppointmentSchema, 200)
    await check(await fetch(`${API}/appointments/${created.id}/running-late`, { method: 'POST', headers: auth, body: '{}' }), AppointmentSchema, 200)
    await check(await fetch(`${API}/appointments/${created.id}/check-in`, { method: 'POST', headers: auth, body: JSON.stringify({ method: 'scan', hallCode: 'banshi:hall:lh-district' }) }), CheckInResultSchema, 200)
    await check(await fetch(`${API}/appointments/apt-upcoming/cancel`, { method: 'POST', headers: auth, body: '{}' }), AppointmentSchema, 200)
    await check(await fetch(`${API}/appointments/nobody`, { headers: auth }), ErrorBodySchema, 404)
    await check(await fetch(`${API}/appointments/waitlist`, { headers: auth }), Type.Array(WaitlistEntrySchema), 200)
    const joined = await check(
      await fetch(`${API}/appointments/waitlist`, { method: 'POST', headers: auth, body: JSON.stringify({ hallId: 'lh-district', itemCode: BOOKABLE_ITEM, date: FULL_DAY, name: '张三', phone: '13812345678', idNumber: '11010519491231002X' }) }),
      WaitlistEntrySchema,
      201,
    )
    await check(await fetch(`${API}/appointments/waitlist/${joined.id}/leave`, { method: 'POST', headers: auth, body: '{}' }), WaitlistEntrySchema, 200)
  })

  it('error answers', async () => {
    await expectShape('/items/000000000000', ErrorBodySchema, 404)
    await expectShape('/items?limit=1000', ErrorBodySchema, 400)
    await expectShape(`/items/suggest?q=${'办'.repeat(101)}`, ErrorBodySchema, 400)
    await expectShape('/halls/nowhere', ErrorBodySchema, 404)
  })
})

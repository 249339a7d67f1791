import { http, HttpResponse, ws } from 'msw'
import type { Hall, HallDetail, LiveServerFrame, Ticket } from '../../src/domain/contract'
import { distanceMeters } from '../../src/domain/geo'
import { errorMessage, type ErrorCode } from '../../src/domain/errors'
import { fixtureGuides } from '../fixtures/catalog'
import { queueHallFixtures } from '../fixtures/queue'
import { errorResponse } from './errors'
import * as queue from './queueState'

const API = '*/api/v1'
const signedIn = (request: Request) => /^Bearer mock-access-\d+$/.test(request.headers.get('authorization') ?? '')
/** The mock's one window-staff account works at the district hall (as in fixtures/accounts.ts). */
const STAFF_HALL = 'lh-district'

type LiveClient = { send(data: string): void }
const subscriptions = new Map<LiveClient, { halls: Set<string>; tickets: Set<string> }>()
const live = ws.link('*/api/v1/live')

const frame = (value: LiveServerFrame) => JSON.stringify(value)

/** Every change reaches every subscriber of the hall and of each of its tickets (their places moved too). */
function publish(hallId: string): void {
  const snapshot = queue.snapshotOf(hallId)
  for (const [client, wanted] of subscriptions) {
    if (wanted.halls.has(hallId)) client.send(frame({ type: 'queue', ...snapshot }))
    for (const ticket of queue.ticketsOfHall(hallId)) if (wanted.tickets.has(ticket.id)) client.send(frame({ type: 'ticket', ...queue.ticketView(ticket) }))
  }
}

function errorFrame(code: ErrorCode): string {
  return frame({ type: 'error', code, message: errorMessage(code) })
}

export function resetMockLive(): void {
  subscriptions.clear()
}

function hallOf(fixture: (typeof queueHallFixtures)[number], origin: { lat: number; lng: number } | null): Hall {
  const { windows: _w, hours: _h, categories: _c, ...hall } = fixture.detail
  return { ...hall, distanceM: origin ? distanceMeters(origin, hall) : null, queue: queue.hallSummary(fixture) }
}

const ticketAnswer = (ticket: Ticket, status = 200) => HttpResponse.json(queue.ticketView(ticket), { status })

/** A window of the demo staff's own hall, or the answer the server gives when it is not one. */
function staffWindow(request: Request, params: Record<string, unknown>): { hallId: string; windowNo: number } | Response {
  if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
  const hallId = String(params.id)
  const fixture = queue.hallFixture(hallId)
  if (!fixture) return errorResponse(404, 'HALL_NOT_FOUND')
  if (hallId !== STAFF_HALL) return errorResponse(403, 'FORBIDDEN')
  const windowNo = Number(params.no)
  if (!Number.isInteger(windowNo) || windowNo < 1 || windowNo > fixture.detail.windows) return errorResponse(404, 'WINDOW_NOT_FOUND')
  return { hallId, windowNo }
}

function staffTicket(request: Request, id: string): Ticket | Response {
  if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
  const ticket = queue.findTicket(id)
  if (!ticket) return errorResponse(404, 'TICKET_NOT_FOUND')
  if (ticket.hallId !== STAFF_HALL) return errorResponse(403, 'FORBIDDEN')
  return ticket
}

export const queueHandlers = [
  http.get(`${API}/halls`, ({ request }) => {
    const url = new URL(request.url)
    const lat = Number(url.searchParams.get('lat'))
    const lng = Number(url.searchParams.get('lng'))
    const origin = url.searchParams.has('lat') && url.searchParams.has('lng') ? { lat, lng } : null
    const item = url.searchParams.get('item')
    let fixtures = queueHallFixtures
    if (item) {
      const guide = fixtureGuides.find((g) => g.code === item)
      if (!guide) return errorResponse(404, 'ITEM_NOT_FOUND')
      fixtures = fixtures.filter((f) => guide.halls.some((h) => h.id === f.detail.id))
    }
    const halls = fixtures.map((f) => hallOf(f, origin))
    if (origin) halls.sort((a, b) => (a.distanceM ?? 0) - (b.distanceM ?? 0))
    return HttpResponse.json(halls)
  }),

  http.get(`${API}/halls/:id`, ({ params }) => {
    const fixture = queue.hallFixture(String(params.id))
    if (!fixture) return errorResponse(404, 'HALL_NOT_FOUND')
    const detail: HallDetail = { ...hallOf(fixture, null), windows: fixture.detail.windows, hours: fixture.detail.hours, categories: fixture.detail.categories }
    return HttpResponse.json(detail)
  }),

  http.get(`${API}/halls/:id/queue`, ({ params, request }) => {
    if (!queue.hallFixture(String(params.id))) return errorResponse(404, 'HALL_NOT_FOUND')
    const snapshot = queue.snapshotOf(String(params.id))
    const etag = `"v${snapshot.version}"`
    if (request.headers.get('if-none-match') === etag) return new HttpResponse(null, { status: 304, headers: { ETag: etag } })
    return HttpResponse.json(snapshot, { headers: { ETag: etag } })
  }),

  http.post(`${API}/halls/:id/tickets`, async ({ params, request }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    const hallId = String(params.id)
    const fixture = queue.hallFixture(hallId)
    if (!fixture) return errorResponse(404, 'HALL_NOT_FOUND')
    const body = (await request.json()) as { categoryId?: string }
    if (!fixture.detail.categories.some((c) => c.id === body.categoryId)) return errorResponse(400, 'CATEGORY_NOT_FOUND')
    if (!fixture.detail.openNow) return errorResponse(409, 'HALL_CLOSED')
    const existing = queue.activeAppTicket(hallId)
    if (existing) {
      // As the server does: the refusal names the ticket already held.
      return HttpResponse.json({ error: { code: 'TICKET_EXISTS', message: errorMessage('TICKET_EXISTS'), details: { ticketId: existing.id } } }, { status: 409 })
    }
    const ticket = queue.issue(hallId, body.categoryId!, 'app')
    publish(hallId)
    return ticketAnswer(ticket, 201)
  }),

  http.get(`${API}/me/tickets`, ({ request }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    return HttpResponse.json(queue.activeAppTickets().map(queue.ticketView))
  }),

  http.get(`${API}/tickets/:id`, ({ params, request }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    const ticket = queue.findTicket(String(params.id))
    return ticket ? ticketAnswer(ticket) : errorResponse(404, 'TICKET_NOT_FOUND')
  }),

  http.post(`${API}/tickets/:id/cancel`, ({ params, request }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    const ticket = queue.findTicket(String(params.id))
    if (!ticket) return errorResponse(404, 'TICKET_NOT_FOUND')
    if (ticket.status !== 'waiting') return errorResponse(409, 'TICKET_NOT_ACTIVE')
    queue.act(ticket, 'cancel')
    publish(ticket.hallId)
    return ticketAnswer(ticket)
  }),

  http.get(`${API}/staff/halls/:id/queue`, ({ params, request }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    const hallId = String(params.id)
    if (!queue.hallFixture(hallId)) return errorResponse(404, 'HALL_NOT_FOUND')
    if (hallId !== STAFF_HALL) return errorResponse(403, 'FORBIDDEN')
    return HttpResponse.json(queue.staffQueueOf(hallId))
  }),

  http.post(`${API}/staff/halls/:id/windows/:no/call-next`, async ({ params, request }) => {
    const desk = staffWindow(request, params)
    if (desk instanceof Response) return desk
    const { hallId, windowNo } = desk
    const { categoryIds } = (await request.json().catch(() => ({}))) as { categoryIds?: string[] }
    const called = queue.callNextAt(hallId, windowNo, categoryIds?.length ? categoryIds : undefined)
    if (!called) return errorResponse(409, 'QUEUE_EMPTY')
    publish(hallId)
    return ticketAnswer(called)
  }),

  http.post(`${API}/staff/halls/:id/windows/:no/close`, ({ params, request }) => {
    const desk = staffWindow(request, params)
    if (desk instanceof Response) return desk
    const { hallId, windowNo } = desk
    if (!queue.closeWindowAt(hallId, windowNo)) return errorResponse(409, 'WINDOW_BUSY')
    publish(hallId)
    return HttpResponse.json(queue.staffQueueOf(hallId))
  }),

  http.post(`${API}/staff/tickets/:id/:action`, async ({ params, request }) => {
    const found = staffTicket(request, String(params.id))
    if (found instanceof Response) return found
    const action = String(params.action)
    if (action === 'transfer') {
      const { categoryId } = (await request.json()) as { categoryId?: string }
      if (!queue.hallFixture(found.hallId)!.detail.categories.some((c) => c.id === categoryId)) return errorResponse(400, 'CATEGORY_NOT_FOUND')
      queue.transfer(found, categoryId!)
    } else if (action === 'recall' || action === 'skip' || action === 'complete') {
      if (found.status !== 'called' && found.status !== 'serving') return errorResponse(409, 'TICKET_NOT_ACTIVE')
      queue.act(found, action)
    } else {
      return errorResponse(404, 'ROUTE_NOT_FOUND')
    }
    publish(found.hallId)
    return ticketAnswer(found)
  }),

  live.addEventListener('connection', ({ client }) => {
    const wanted = { halls: new Set<string>(), tickets: new Set<string>() }
    subscriptions.set(client, wanted)
    const token = new URL(client.url).searchParams.get('token') ?? ''
    client.addEventListener('close', () => subscriptions.delete(client))
    client.addEventListener('message', (event) => {
      let message: { type?: string; hall?: string; ticket?: string }
      try {
        message = JSON.parse(String(event.data))
      } catch {
        client.send(errorFrame('MALFORMED_JSON'))
        return
      }
      if (message.type !== 'subscribe') return
      if (message.hall !== undefined) {
        if (!queue.hallFixture(message.hall)) return client.send(errorFrame('HALL_NOT_FOUND'))
        wanted.halls.add(message.hall)
        client.send(frame({ type: 'queue', ...queue.snapshotOf(message.hall) }))
      } else if (message.ticket !== undefined) {
        if (!/^mock-access-\d+$/.test(token)) return client.send(errorFrame('AUTH_REQUIRED'))
        const ticket = queue.findTicket(message.ticket)
        if (!ticket) return client.send(errorFrame('TICKET_NOT_FOUND'))
        wanted.tickets.add(ticket.id)
        client.send(frame({ type: 'ticket', ...queue.ticketView(ticket) }))
      }
    })
  }),
]

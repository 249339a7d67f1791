import { http, HttpResponse } from 'msw'
import type { ResidentDetail, VisitBody } from '../../src/domain/contract'
import { snoozedUntil } from '../../src/domain/eligibility'
import { fixtureApplicant, fixtureResident, fixtureResidentList, fixtureWaitingLongest } from '../fixtures/grid'
import { errorResponse } from './errors'

const API = '*/api/v1'
const signedIn = (request: Request) => /^Bearer mock-/.test(request.headers.get('authorization') ?? '')

let residents: ResidentDetail[] = []

export function resetMockGrid(): void {
  residents = [fixtureWaitingLongest, fixtureResident].map((resident) => structuredClone(resident))
}
resetMockGrid()

export const gridHandlers = [
  http.get(`${API}/grid/residents`, ({ request }) =>
    signedIn(request) ? HttpResponse.json({ ...fixtureResidentList, residents: fixtureResidentList.residents.filter((r) => residents.some((x) => x.id === r.id && !x.snoozedUntil)) }) : errorResponse(401, 'AUTH_REQUIRED'),
  ),
  http.get(`${API}/grid/residents/:id`, ({ request, params }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    const resident = residents.find((r) => r.id === params.id)
    return resident ? HttpResponse.json(resident) : errorResponse(404, 'RESIDENT_NOT_FOUND')
  }),
  http.get(`${API}/grid/residents/:id/applicant`, ({ request, params }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    return residents.some((r) => r.id === params.id) ? HttpResponse.json(fixtureApplicant) : errorResponse(404, 'RESIDENT_NOT_FOUND')
  }),
  http.post(`${API}/grid/visits`, async ({ request }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    const body = (await request.json()) as VisitBody
    const resident = residents.find((r) => r.id === body.residentId)
    if (!resident) return errorResponse(404, 'RESIDENT_NOT_FOUND')
    const visit = { id: `v${resident.visits.length + 1}`, at: '2026-11-25T02:00:00.000Z', outcome: body.outcome, itemCode: body.itemCode ?? null, note: body.note ?? null, workerName: '网格员甲' }
    const until = snoozedUntil(body.outcome, '2026-11-25')
    resident.visits = [visit, ...resident.visits]
    resident.lastVisit = { at: visit.at, outcome: visit.outcome }
    resident.snoozedUntil = until
    return HttpResponse.json({ visit, snoozedUntil: until }, { status: 201 })
  }),
]

import { http, HttpResponse } from 'msw'
import type { Application, ApplicationSubmitBody, ApplicationSummary, EvaluationBody, StaffEventBody, Upload } from '../../src/domain/contract'
import { canMove, nextStages, STAFF_STAGES, type ApplicationStage, type StaffStage } from '../../src/domain/applicationStatus'
import { composeApplicationNo, normalizeApplicationNo } from '../../src/domain/applicationNo'
import { FIXTURE_LAST4, fixtureApplication, fixtureFinished, fixtureStaffView } from '../fixtures/applications'
import { errorResponse } from './errors'

const API = '*/api/v1'
const signedIn = (request: Request) => /^Bearer mock-/.test(request.headers.get('authorization') ?? '')

let applications: Application[] = []
let uploads = 0

/** The two fixture applications again, between tests. */
export function resetMockApplications(): void {
  applications = [fixtureApplication, fixtureFinished].map((a) => structuredClone(a))
  uploads = 0
}
resetMockApplications()

const find = (no: string) => applications.find((a) => a.no === normalizeApplicationNo(no))

function summary(a: Application): ApplicationSummary {
  return {
    no: a.no, itemName: a.itemName, status: a.status, submittedAt: a.submittedAt, promisedDueDate: a.promisedDueDate,
    overdue: a.overdue, onBehalf: a.submittedBy.onBehalf, canEvaluate: a.canEvaluate,
  }
}

function staffView(a: Application) {
  const history = a.events.map((e) => e.stage)
  return { ...fixtureStaffView(a), nextStages: nextStages(history).filter((s): s is StaffStage => (STAFF_STAGES as string[]).includes(s)) }
}

export const applicationHandlers = [
  http.get(`${API}/applications/lookup`, ({ request }) => {
    const url = new URL(request.url)
    const found = find(url.searchParams.get('no') ?? '')
    if (!found || url.searchParams.get('phoneLast4') !== FIXTURE_LAST4) return errorResponse(404, 'APPLICATION_NOT_FOUND')
    const { onlineMode: _o, applicant: _a, submittedBy: _s, materials: _m, evaluation: _e, canEvaluate: _c, ...progress } = found
    return HttpResponse.json(progress)
  }),
  http.get(`${API}/applications`, ({ request }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    return HttpResponse.json([...applications].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt)).map(summary))
  }),
  http.get(`${API}/applications/:no`, ({ request, params }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    const found = find(String(params.no))
    return found ? HttpResponse.json(found) : errorResponse(404, 'APPLICATION_NOT_FOUND')
  }),
  http.post(`${API}/uploads`, ({ request }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    uploads += 1
    const body: Upload = { id: `mock-upload-${uploads}`, size: 204800, mime: 'image/jpeg' }
    return HttpResponse.json(body, { status: 201 })
  }),
  http.post(`${API}/applications`, async ({ request }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    const body = (await request.json()) as ApplicationSubmitBody
    if (body.itemCode === '010100010000') return errorResponse(409, 'NOT_ONLINE')
    const created: Application = {
      ...structuredClone(fixtureApplication),
      no: composeApplicationNo('2026-11-25', `NEW${String(applications.length).padStart(7, '0')}`.replace(/[ILOU]/g, '0')),
      itemCode: body.itemCode,
      status: 'submitted',
      submittedAt: '2026-11-25T02:00:00.000Z',
      acceptedOn: null,
      promisedDueDate: null,
      daysLeft: null,
      missingMaterials: [],
      events: [{ at: '2026-11-25T02:00:00.000Z', stage: 'submitted', note: null }],
      materials: body.materials.map((uploadId, i) => ({ uploadId, name: body.materialNames?.[i] ?? '材料', mime: 'image/jpeg', size: 204800 })),
    }
    applications.push(created)
    return HttpResponse.json(created, { status: 201 })
  }),
  http.post(`${API}/evaluations`, async ({ request }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    const body = (await request.json()) as EvaluationBody
    const found = find(body.target.id)
    if (!found) return errorResponse(404, 'EVALUATION_TARGET_NOT_FOUND')
    if (found.evaluation) return errorResponse(409, 'ALREADY_EVALUATED')
    found.evaluation = { score: body.score, tags: body.tags ?? [], comment: body.comment ?? null, createdAt: '2026-11-25T02:00:00.000Z' }
    found.canEvaluate = false
    return HttpResponse.json({ id: 'evaluation-1', target: body.target, ...found.evaluation }, { status: 201 })
  }),
  http.get(`${API}/staff/applications/:no`, ({ params }) => {
    const found = find(String(params.no))
    return found ? HttpResponse.json(staffView(found)) : errorResponse(404, 'APPLICATION_NOT_FOUND')
  }),
  http.post(`${API}/staff/applications/:no/events`, async ({ request, params }) => {
    const found = find(String(params.no))
    if (!found) return errorResponse(404, 'APPLICATION_NOT_FOUND')
    const body = (await request.json()) as StaffEventBody
    const history = found.events.map((e) => e.stage)
    if (!canMove(history, body.stage as ApplicationStage)) return errorResponse(409, 'ILLEGAL_TRANSITION')
    found.events.push({
      at: '2026-11-25T03:00:00.000Z', stage: body.stage, note: body.note ?? null,
      ...(body.materials ? { materials: body.materials } : {}), ...(body.outcome ? { outcome: body.outcome } : {}), ...(body.delivery ? { delivery: body.delivery } : {}),
    })
    found.status = body.stage
    found.missingMaterials = body.stage === 'supplement_requested' ? (body.materials ?? []) : []
    if (body.outcome) found.outcome = body.outcome
    if (body.delivery) found.delivery = body.delivery
    return HttpResponse.json(staffView(found))
  }),
]

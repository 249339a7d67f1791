import { http, HttpResponse } from 'msw'
import type { Profile, ProfileUpdate, SmsSent } from '../../src/domain/contract'
import { checkIdNumber, idNumberIssue, maskIdNumber, MOBILE_PATTERN } from '../../src/domain/identity'
import { MOCK_SMS_CODE, MOCK_STAFF, fixtureDevices, fixtureProfile, fixtureSession, fixtureWindowStaff, fixtureGridWorker } from '../fixtures/accounts'
import { errorResponse } from './errors'

const API = '*/api/v1'
const signedIn = (request: Request) => /^Bearer mock-access-\d+$/.test(request.headers.get('authorization') ?? '')
const isMobile = (value: unknown) => typeof value === 'string' && new RegExp(MOBILE_PATTERN).test(value)

let profile: Profile = fixtureProfile

/** Back to the fixture profile between tests. */
export function resetMockAccounts(): void {
  profile = fixtureProfile
}

export const accountHandlers = [
  http.post(`${API}/auth/sms/send`, async ({ request }) => {
    const { phone } = (await request.json()) as { phone?: unknown }
    if (!isMobile(phone)) return errorResponse(400, 'VALIDATION_FAILED', [{ field: 'body.phone', issue: 'must match pattern' }])
    const body: SmsSent = { resendAfterS: 60, expiresInS: 300 }
    return HttpResponse.json(body)
  }),
  http.post(`${API}/auth/sms/verify`, async ({ request }) => {
    const { phone, code } = (await request.json()) as { phone?: unknown; code?: unknown }
    if (!isMobile(phone)) return errorResponse(400, 'VALIDATION_FAILED', [{ field: 'body.phone', issue: 'must match pattern' }])
    if (code !== MOCK_SMS_CODE) return errorResponse(400, 'CODE_INVALID')
    return HttpResponse.json(fixtureSession())
  }),
  http.post(`${API}/auth/staff/login`, async ({ request }) => {
    const { username, password } = (await request.json()) as { username?: string; password?: string }
    if (password !== MOCK_STAFF.password) return errorResponse(401, 'CREDENTIALS_INVALID')
    if (username === MOCK_STAFF.username) return HttpResponse.json(fixtureSession(fixtureWindowStaff))
    if (username === fixtureGridWorker.username) return HttpResponse.json(fixtureSession(fixtureGridWorker))
    return errorResponse(401, 'CREDENTIALS_INVALID')
  }),
  http.post(`${API}/auth/wechat`, () => HttpResponse.json(fixtureSession())),
  http.post(`${API}/auth/refresh`, async ({ request }) => {
    const { refreshToken } = (await request.json()) as { refreshToken?: string }
    if (!refreshToken?.startsWith('mock-refresh-')) return errorResponse(401, 'TOKEN_INVALID')
    return HttpResponse.json(fixtureSession(profile.user))
  }),
  http.post(`${API}/auth/logout`, ({ request }) => (signedIn(request) ? new HttpResponse(null, { status: 204 }) : errorResponse(401, 'AUTH_REQUIRED'))),

  http.get(`${API}/me`, ({ request }) => (signedIn(request) ? HttpResponse.json(profile) : errorResponse(401, 'AUTH_REQUIRED'))),
  http.patch(`${API}/me`, async ({ request }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    const update = (await request.json()) as ProfileUpdate
    let idNumber = profile.idNumber
    if (update.idNumber !== undefined) {
      const check = checkIdNumber(update.idNumber, '2026-11-25')
      if (!check.ok) return errorResponse(400, 'INVALID_ID_NUMBER', [{ field: 'body.idNumber', issue: idNumberIssue[check.problem] }])
      if (!update.sensitiveConsent) return errorResponse(400, 'CONSENT_REQUIRED', [{ field: 'body.sensitiveConsent', issue: 'must be true' }])
      idNumber = check.idNumber
    }
    profile = {
      ...profile,
      user: { ...profile.user, name: update.name ?? profile.user.name },
      idNumber,
      idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
      address: update.address ?? profile.address,
    }
    return HttpResponse.json(profile)
  }),
  http.delete(`${API}/me`, ({ request }) => (signedIn(request) ? new HttpResponse(null, { status: 204 }) : errorResponse(401, 'AUTH_REQUIRED'))),
  http.get(`${API}/me/sessions`, ({ request }) => (signedIn(request) ? HttpResponse.json(fixtureDevices) : errorResponse(401, 'AUTH_REQUIRED'))),
  http.delete(`${API}/me/sessions/:id`, ({ request, params }) => {
    if (!signedIn(request)) return errorResponse(401, 'AUTH_REQUIRED')
    return fixtureDevices.some((device) => device.id === params.id) ? new HttpResponse(null, { status: 204 }) : errorResponse(404, 'SESSION_NOT_FOUND')
  }),
]

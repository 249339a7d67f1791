import { draftProblems, isTransient, nextSyncStep, retryDelayMs, submitBodyOf, type DoorDraft } from '@/domain/doorDraft'

const photo = (material: string, uploadId: string | null = null) => ({ material, localRef: `ref-${material}`, size: 10, uploadId })

function draft(overrides: Partial<DoorDraft> = {}): DoorDraft {
  return {
    id: 'd1', residentId: 'r1', residentName: '李秀英', itemCode: '020200010000', itemName: '高龄老人津贴申领',
    applicant: { name: '李秀英', idNumber: '440309194612108164', phone: '13900001234' },
    photos: [photo('居民身份证'), photo('居民户口簿')], signature: photo('signature'), attestation: true,
    eligibilityOverride: null, status: 'queued', lastError: null, attempts: 0, applicationNo: null,
    createdAt: '2026-11-25T02:00:00.000Z', updatedAt: '2026-11-25T02:00:00.000Z', ...overrides,
  }
}

describe('door draft sync order', () => {
  it('sends the photos in order, then the signature, then the application', () => {
    expect(nextSyncStep(draft())).toMatchObject({ kind: 'upload', which: 'material', index: 0 })
    expect(nextSyncStep(draft({ photos: [photo('居民身份证', 'u1'), photo('居民户口簿')] }))).toMatchObject({ kind: 'upload', index: 1 })
    const photosSent = { photos: [photo('居民身份证', 'u1'), photo('居民户口簿', 'u2')] }
    expect(nextSyncStep(draft(photosSent))).toMatchObject({ kind: 'upload', which: 'signature' })
    expect(nextSyncStep(draft({ ...photosSent, signature: photo('signature', 'u3') }))).toEqual({ kind: 'submit' })
  })

  it('sends nothing for a draft being edited or needing attention, and nothing more once submitted', () => {
    expect(nextSyncStep(draft({ status: 'editing' }))).toEqual({ kind: 'wait' })
    expect(nextSyncStep(draft({ status: 'needs_attention' }))).toEqual({ kind: 'wait' })
    expect(nextSyncStep(draft({ status: 'submitted' }))).toEqual({ kind: 'done' })
  })

  it('builds the submit body with the consent, the material names and an override only when given', () => {
    const ready = draft({ photos: [photo('居民身份证', 'u1'), photo('居民户口簿', 'u2')], signature: photo('signature', 'u3') })
    expect(submitBodyOf(ready)).toEqual({
      itemCode: '020200010000', residentId: 'r1', applicant: ready.applicant, materials: ['u1', 'u2'],
      materialNames: ['居民身份证', '居民户口簿'], consent: { sensitive: true, attestation: true, signatureUploadId: 'u3' },
    })
    expect(submitBodyOf({ ...ready, eligibilityOverride: '提前申请' }).eligibilityOverride).toEqual({ reason: '提前申请' })
    expect(() => submitBodyOf(draft())).toThrow()
  })

  it('lists what is missing before a draft can be queued', () => {
    expect(draftProblems(draft(), ['居民身份证', '居民户口簿'])).toEqual([])
    expect(draftProblems(draft({ signature: null, attestation: false, photos: [] }), ['居民身份证'])).toEqual(['missing:居民身份证', 'signature', 'attestation'])
  })
})

describe('retries', () => {
  it('treats lost connections, timeouts, 5xx and 429 as passing, and refusals as needing a person', () => {
    expect(isTransient('NETWORK_ERROR', null)).toBe(true)
    expect(isTransient('SERVICE_UNAVAILABLE', 503)).toBe(true)
    expect(isTransient('RATE_LIMITED', 429)).toBe(true)
    expect(isTransient('NOT_ELIGIBLE', 409)).toBe(false)
    expect(isTransient('VALIDATION_FAILED', 400)).toBe(false)
  })

  it('waits 1–2 s after the first failure, doubling up to 2.5–5 min, with jitter', () => {
    expect(retryDelayMs(1, () => 0)).toBe(1000)
    expect(retryDelayMs(1, () => 1)).toBe(2000)
    expect(retryDelayMs(3, () => 1)).toBe(8000)
    expect(retryDelayMs(30, () => 0)).toBe(150_000)
    expect(retryDelayMs(30, () => 1)).toBe(300_000)
  })
})

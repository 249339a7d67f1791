import 'fake-indexeddb/auto'
import { server } from '../../../mock/node'
import { flakyDoorServer } from '../../../mock/flakyDoorServer'
import { createDoorOutbox } from '@/stores/doorOutbox'
import { realDoorApi } from '@/stores/doorOutboxInstance'
import { IndexedDbDraftStorage } from '@/platform/draftStorage.h5'
import type { DoorDraft } from '@/domain/doorDraft'
import { seededRandom as seeded } from '@/domain/seededRandom'

const MATERIALS = ['居民身份证', '居民户口簿']
const WORKER = 'grid-worker-1'
let databases = 0

async function newDraft(outbox: ReturnType<typeof createDoorOutbox>, storage: IndexedDbDraftStorage, n: number): Promise<DoorDraft> {
  const keep = (content: string) => storage.keepPhoto({ path: '', size: content.length, blob: new Blob([content], { type: 'image/jpeg' }) })
  const photos = []
  for (const material of MATERIALS) {
    const kept = await keep(`draft-${n}:${material}`)
    photos.push({ material, localRef: kept.localRef, size: kept.size, uploadId: null })
  }
  const signature = await keep(`draft-${n}:signature`)
  const draft: DoorDraft = {
    id: `draft-${n}-${'x'.repeat(8)}`,
    residentId: `resident-${n}`,
    residentName: '李秀英',
    itemCode: '020200010000',
    itemName: '高龄老人津贴申领',
    applicant: { name: '李秀英', idNumber: '440309194612108164', phone: '13900001234' },
    photos,
    signature: { material: 'signature', localRef: signature.localRef, size: signature.size, uploadId: null },
    attestation: true,
    eligibilityOverride: null,
    status: 'editing',
    lastError: null,
    attempts: 0,
    applicationNo: null,
    createdAt: new Date(Date.UTC(2026, 10, 25, 2, 0, n)).toISOString(),
    updatedAt: new Date(Date.UTC(2026, 10, 25, 2, 0, n)).toISOString(),
  }
  await outbox.getState().save(draft)
  return draft
}

describe('door applications outbox', () => {
  it('survives 200 draft→submit cycles with the network dropping at random points: one application per draft, every photo attached', async () => {
    const random = seeded(20261125)
    const fake = flakyDoorServer({ random, lossRate: 0.25 })
    server.use(...fake.handlers)
    const storage = new IndexedDbDraftStorage(`banshi-grid-test-${(databases += 1)}`)
    // A killed app does nothing more: its instance stops at its next step, and what it had not written is lost.
    // A request already on the wire still reaches the server, as it would.
    let life = 0
    const open = () => {
      const mine = (life += 1)
      const alive = <T>(work: () => Promise<T>) => async () => {
        if (life !== mine) throw new Error('killed')
        const result = await work()
        if (life !== mine) throw new Error('killed')
        return result
      }
      const killableStorage: typeof storage = Object.create(storage)
      killableStorage.putDraft = (draft) => alive(() => storage.putDraft(draft))()
      killableStorage.readPhoto = (ref) => alive(() => storage.readPhoto(ref))()
      return createDoorOutbox({
        storage: killableStorage,
        api: { upload: (photo) => alive(() => realDoorApi.upload(photo))(), submit: (body, key) => alive(() => realDoorApi.submit(body, key))() },
        currentUserId: () => WORKER,
        random,
        schedule: () => () => undefined,
      })
    }
    let outbox = open()
    await outbox.getState().load()

    for (let n = 0; n < 200; n += 1) {
      // The signal comes and goes between doors.
      fake.state.online = random() > 0.3
      const draft = await newDraft(outbox, storage, n)
      if (random() < 0.2) {
        // The app is killed (or the phone restarts) part-way through sending.
        const sending = outbox.getState().queue(draft.id).catch(() => undefined)
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 8)))
        outbox = open()
        await sending
        await outbox.getState().load()
      } else {
        await outbox.getState().queue(draft.id)
      }
    }

    // Back in (weak) signal: keep trying until the outbox is empty, as the retry timer would.
    fake.state.online = true
    fake.state.lossRate = 0.1
    // A draft whose 提交 press was lost with the app shows as not sent; the worker presses it again.
    for (const draft of outbox.getState().drafts.filter((d) => d.status === 'editing')) await outbox.getState().retry(draft.id)
    for (let round = 0; round < 2000 && outbox.getState().drafts.some((d) => d.status !== 'submitted'); round += 1) {
      await outbox.getState().sync()
    }

    const drafts = outbox.getState().drafts
    expect(drafts).toHaveLength(200)
    expect(drafts.filter((d) => d.status !== 'submitted')).toEqual([])
    expect(fake.state.applications).toHaveLength(200)
    const byKey = new Map(fake.state.applications.map((application) => [application.key, application]))
    expect(byKey.size).toBe(200)
    for (const draft of drafts) {
      const application = byKey.get(draft.id)!
      expect(draft.applicationNo).toBe(application.no)
      const n = draft.id.split('-')[1]
      const contents = [...application.body.materials, application.body.consent!.signatureUploadId!].map((id) => fake.state.uploads.get(id))
      expect(contents).toEqual([`draft-${n}:居民身份证`, `draft-${n}:居民户口簿`, `draft-${n}:signature`])
      expect(application.body.materialNames).toEqual(MATERIALS)
    }
    // Sent photos are removed from the phone.
    await expect(storage.readPhoto(drafts[0].photos[0].localRef)).rejects.toThrow(/gone/)
  }, 120_000)

  it('keeps a draft the server refused for a reason a person must see, and sends it once fixed', async () => {
    const fake = flakyDoorServer({ random: () => 1, lossRate: 0 })
    let refuse = true
    server.use(
      ...fake.handlers.slice(0, 1),
      // Until the worker gives a reason, the resident does not qualify yet.
      ...[
        (await import('msw')).http.post('*/api/v1/applications', async ({ request }) => {
          const body = (await request.clone().json()) as { eligibilityOverride?: unknown }
          if (refuse && !body.eligibilityOverride) {
            return (await import('msw')).HttpResponse.json({ error: { code: 'NOT_ELIGIBLE', message: '暂不符合条件' } }, { status: 409 })
          }
          return undefined
        }),
      ],
      ...fake.handlers.slice(1),
    )
    const storage = new IndexedDbDraftStorage(`banshi-grid-test-${(databases += 1)}`)
    const outbox = createDoorOutbox({ storage, api: realDoorApi, currentUserId: () => WORKER, schedule: () => () => undefined })
    await outbox.getState().load()
    const draft = await newDraft(outbox, storage, 1)
    await outbox.getState().queue(draft.id)
    const refused = outbox.getState().drafts[0]
    expect(refused.status).toBe('needs_attention')
    expect(refused.lastError).toEqual({ code: 'NOT_ELIGIBLE', message: '暂不符合条件' })
    expect(fake.state.applications).toHaveLength(0)

    refuse = false
    await outbox.getState().save({ ...refused, eligibilityOverride: '下月满80周岁,提前申请' })
    await outbox.getState().retry(draft.id)
    expect(outbox.getState().drafts[0]).toMatchObject({ status: 'submitted', applicationNo: 'A00001' })
    expect(fake.state.applications[0].body.eligibilityOverride).toEqual({ reason: '下月满80周岁,提前申请' })
  })

  it("keeps one worker's drafts from the next worker signed in on the same phone, and stops on sign-out", async () => {
    const fake = flakyDoorServer({ random: () => 0.5, lossRate: 0 })
    server.use(...fake.handlers)
    const storage = new IndexedDbDraftStorage(`banshi-grid-test-${(databases += 1)}`)
    let signedIn: string | null = WORKER
    const outbox = createDoorOutbox({ storage, api: realDoorApi, currentUserId: () => signedIn, schedule: () => () => undefined })
    await outbox.getState().load()
    const mine = await newDraft(outbox, storage, 3)
    expect(outbox.getState().drafts[0].ownerId).toBe(WORKER)

    signedIn = null
    outbox.getState().reset()
    expect(outbox.getState()).toMatchObject({ drafts: [], loaded: false })

    signedIn = 'another-worker'
    await outbox.getState().load()
    expect(outbox.getState().drafts).toEqual([])
    await outbox.getState().queue(mine.id)
    expect(fake.state.applications).toHaveLength(0)

    signedIn = WORKER
    await outbox.getState().load()
    expect(outbox.getState().drafts.map((draft) => draft.id)).toEqual([mine.id])
    await outbox.getState().queue(mine.id)
    expect(fake.state.applications).toHaveLength(1)
  })

  it('discarding removes the draft and its photos from the phone', async () => {
    const storage = new IndexedDbDraftStorage(`banshi-grid-test-${(databases += 1)}`)
    const outbox = createDoorOutbox({ storage, api: realDoorApi, currentUserId: () => WORKER, schedule: () => () => undefined })
    await outbox.getState().load()
    const draft = await newDraft(outbox, storage, 7)
    await outbox.getState().discard(draft.id)
    expect(outbox.getState().drafts).toEqual([])
    expect(await storage.listDrafts()).toEqual([])
    await expect(storage.readPhoto(draft.photos[0].localRef)).rejects.toThrow(/gone/)
  })

  it('a background send that cannot write to the phone’s storage leaves the draft queued for the next try', async () => {
    const fake = flakyDoorServer({ random: () => 1, lossRate: 0 })
    server.use(...fake.handlers)
    const storage = new IndexedDbDraftStorage(`banshi-grid-test-${(databases += 1)}`)
    const first = createDoorOutbox({ storage, api: realDoorApi, currentUserId: () => WORKER, schedule: () => () => undefined })
    await first.getState().load()
    const draft = await newDraft(first, storage, 9)
    // Queued while the server could not be reached: stored as waiting to be sent.
    fake.state.online = false
    await first.getState().queue(draft.id)
    expect((await storage.listDrafts())[0].status).toBe('queued')

    // The app opens again with signal, but the phone refuses every write: the send started by loading fails.
    fake.state.online = true
    const full: typeof storage = Object.create(storage)
    full.putDraft = () => Promise.reject(new Error('QuotaExceededError'))
    const reopened = createDoorOutbox({ storage: full, api: realDoorApi, currentUserId: () => WORKER, schedule: () => () => undefined })
    await reopened.getState().load()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(reopened.getState().syncing).toBe(false)
    expect((await storage.listDrafts())[0].status).toBe('queued')

    // With room again, the next run sends it (the server answers the same Idempotency-Key with the same application).
    const later = createDoorOutbox({ storage, api: realDoorApi, currentUserId: () => WORKER, schedule: () => () => undefined })
    await later.getState().load()
    await later.getState().sync()
    expect(later.getState().drafts[0].status).toBe('submitted')
    expect(fake.state.applications).toHaveLength(1)
  })
})

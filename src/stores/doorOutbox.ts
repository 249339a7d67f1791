import { createStore, type StoreApi } from 'zustand/vanilla'
import { useStore } from 'zustand'
import {
  belongsTo,
  isTransient,
  nextSyncStep,
  retryDelayMs,
  submitBodyOf,
  type DoorDraft,
} from '@/domain/doorDraft'
import type { Application, ApplicationSubmitBody, Upload } from '@/domain/contract'
import type { LocalPhoto } from '@/platform/photoTypes'
import { PhotoMissingError, type DraftStorage } from '@/platform/draftStorageTypes'
import { toApiError, ApiError } from '@/api/apiError'
import { t } from '@/i18n'
import '@/i18n/general'

/** What the outbox needs from the network; the real one is src/api, tests pass their own flaky one. */
export interface DoorApi {
  upload(photo: LocalPhoto): Promise<Pick<Upload, 'id'>>
  submit(body: ApplicationSubmitBody, idempotencyKey: string): Promise<Pick<Application, 'no'>>
}

export interface DoorOutboxDeps {
  storage: DraftStorage
  api: DoorApi
  /** The signed-in worker; drafts of anyone else stay on the phone unseen and unsent. */
  currentUserId: () => string | null
  now?: () => Date
  random?: () => number
  /** Runs `retry` after `ms` (a timer); returns a way to cancel it. */
  schedule?: (retry: () => void, ms: number) => () => void
}

export interface DoorOutboxState {
  drafts: DoorDraft[]
  loaded: boolean
  syncing: boolean
  /** Reads what was saved on the phone (after a restart) and resumes sending. */
  load(): Promise<void>
  /** Saves the draft as it is now (every change while filling it in). */
  save(draft: DoorDraft): Promise<void>
  /** Hands a finished draft to the outbox: it is sent now or as soon as there is a network. */
  queue(id: string): Promise<void>
  /** The worker chose to retry a draft that needed attention (after fixing it) or is waiting. */
  retry(id: string): Promise<void>
  /** Throws the draft and its photos away. */
  discard(id: string): Promise<void>
  /** Sends everything queued, one draft and one step at a time; a second call while sending joins the first. */
  sync(): Promise<void>
  /** Sign-out: forget the drafts in memory and stop sending (they stay on the phone for their worker). */
  reset(): void
}

const defaultSchedule = (retry: () => void, ms: number) => {
  const timer = setTimeout(retry, ms)
  return () => clearTimeout(timer)
}

export function createDoorOutbox(deps: DoorOutboxDeps): StoreApi<DoorOutboxState> {
  const now = deps.now ?? (() => new Date())
  const schedule = deps.schedule ?? defaultSchedule
  let running: Promise<void> | null = null
  let rerun = false
  let cancelRetry: (() => void) | null = null

  return createStore<DoorOutboxState>()((set, get) => {
    const replace = async (draft: DoorDraft) => {
      const updated = { ...draft, updatedAt: now().toISOString() }
      // Saved before it is shown: what the worker sees as done is on the phone.
      await deps.storage.putDraft(updated)
      set((state) => ({ drafts: state.drafts.some((d) => d.id === updated.id) ? state.drafts.map((d) => (d.id === updated.id ? updated : d)) : [...state.drafts, updated] }))
      return updated
    }
    const find = (id: string) => get().drafts.find((draft) => draft.id === id)

    /** Sends one draft as far as it goes; answers whether to try again later. */
    async function push(start: DoorDraft): Promise<'done' | 'later' | 'stopped'> {
      let draft = start
      for (;;) {
        const step = nextSyncStep(draft)
        if (step.kind === 'done') return 'done'
        if (step.kind === 'wait') return 'stopped'
        try {
          if (step.kind === 'upload') {
            const photo = await deps.storage.readPhoto(step.photo.localRef)
            const { id } = await deps.api.upload(photo)
            const uploaded = { ...step.photo, uploadId: id }
            draft = await replace(
              step.which === 'signature'
                ? { ...draft, signature: uploaded }
                : { ...draft, photos: draft.photos.map((p, i) => (i === step.index ? uploaded : p)) },
            )
          } else {
            const application = await deps.api.submit(submitBodyOf(draft), draft.id)
            draft = await replace({ ...draft, status: 'submitted', applicationNo: application.no, lastError: null })
            // The server has them now; free the phone's space. A failure here only leaves a file behind.
            for (const photo of [...draft.photos, ...(draft.signature ? [draft.signature] : [])]) {
              await deps.storage.dropPhoto(photo.localRef).catch(() => undefined)
            }
            return 'done'
          }
        } catch (caught) {
          if (caught instanceof PhotoMissingError) {
            await replace({ ...draft, status: 'needs_attention', lastError: { code: 'PHOTO_MISSING', message: t('general.photoLost') } })
            return 'stopped'
          }
          const error = toApiError(caught)
          const apiError = error instanceof ApiError ? error : new ApiError('NETWORK_ERROR', t('general.connectionLost'), null)
          if (apiError.code === 'UPLOAD_NOT_FOUND') {
            // The server no longer has a photo (kept too long before submitting): send them all again.
            draft = await replace({
              ...draft,
              photos: draft.photos.map((p) => ({ ...p, uploadId: null })),
              signature: draft.signature ? { ...draft.signature, uploadId: null } : null,
            })
            continue
          }
          const transient = isTransient(apiError.code, apiError.status)
          await replace({
            ...draft,
            status: transient ? 'queued' : 'needs_attention',
            attempts: draft.attempts + 1,
            lastError: { code: apiError.code, message: apiError.message },
          })
          return transient ? 'later' : 'stopped'
        }
      }
    }

    // Runs nobody waits for (after loading, on the retry timer). One that fails (the phone's storage refusing a
    // write, the app being closed under it) leaves every draft as it was stored, and the next run picks them up;
    // it must not surface as an unhandled rejection.
    function syncInBackground(): void {
      get().sync().catch(() => undefined)
    }

    async function runSync(): Promise<void> {
      cancelRetry?.()
      cancelRetry = null
      set({ syncing: true })
      let retryIn: number | null = null
      try {
        // Drafts queued while this run goes are picked up by it too; each is tried once per run.
        const tried = new Set<string>()
        for (;;) {
          const current = get().drafts.find((draft) => draft.status === 'queued' && !tried.has(draft.id))
          if (!current) break
          tried.add(current.id)
          const outcome = await push(current)
          if (outcome === 'later') {
            retryIn = retryDelayMs(find(current.id)?.attempts ?? 1, deps.random)
            // The network is down: the other drafts would fail the same way.
            break
          }
        }
      } finally {
        set({ syncing: false })
      }
      if (retryIn !== null) cancelRetry = schedule(syncInBackground, retryIn)
    }

    return {
      drafts: [],
      loaded: false,
      syncing: false,
      async load() {
        const userId = deps.currentUserId()
        const stored = await deps.storage.listDrafts()
        set({ drafts: stored.filter((draft) => belongsTo(draft, userId)), loaded: true })
        syncInBackground()
      },
      reset() {
        cancelRetry?.()
        cancelRetry = null
        set({ drafts: [], loaded: false })
      },
      async save(draft) {
        await replace(draft.ownerId === undefined ? { ...draft, ownerId: deps.currentUserId() ?? undefined } : draft)
      },
      async queue(id) {
        const draft = find(id)
        if (!draft || draft.status === 'submitted') return
        await replace({ ...draft, status: 'queued', lastError: null })
        await get().sync()
      },
      async retry(id) {
        const draft = find(id)
        if (!draft || draft.status === 'submitted') return
        await replace({ ...draft, status: 'queued', attempts: 0 })
        await get().sync()
      },
      async discard(id) {
        const draft = find(id)
        if (!draft) return
        for (const photo of [...draft.photos, ...(draft.signature ? [draft.signature] : [])]) {
          await deps.storage.dropPhoto(photo.localRef).catch(() => undefined)
        }
        await deps.storage.deleteDraft(id)
        set((state) => ({ drafts: state.drafts.filter((d) => d.id !== id) }))
      },
      sync() {
        // A call while a run is going (a press of 现在发送, the network coming back) runs once more after it, so
        // a draft the current run already tried is not left waiting for the retry timer.
        if (running) {
          rerun = true
          return running
        }
        running = (async () => {
          do {
            rerun = false
            await runSync()
          } while (rerun)
        })().finally(() => {
          running = null
        })
        return running
      },
    }
  })
}

export function useDoorOutbox<T>(store: StoreApi<DoorOutboxState>, select: (state: DoorOutboxState) => T): T {
  return useStore(store, select)
}


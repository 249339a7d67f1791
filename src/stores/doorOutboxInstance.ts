import { submitApplication, uploadMaterial } from '@/api/applications'
import { draftStorage } from '@/platform/draftStorage'
import { createDoorOutbox, type DoorApi } from './doorOutbox'
import { onSignedOut, useSessionStore } from './session'

export { useDoorOutbox } from './doorOutbox'

export const realDoorApi: DoorApi = {
  upload: (photo) => uploadMaterial(photo, () => undefined),
  submit: (body, idempotencyKey) => submitApplication(body, idempotencyKey),
}

/** The phone's one outbox of door applications. */
export const doorOutbox = createDoorOutbox({
  storage: draftStorage,
  api: realDoorApi,
  currentUserId: () => useSessionStore.getState().user?.id ?? null,
})

onSignedOut(() => doorOutbox.getState().reset())

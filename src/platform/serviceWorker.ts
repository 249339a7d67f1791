// The mini-program has no service worker: WeChat caches the package itself, and updates go through its own
// update manager. These are the H5 hooks' weapp stand-ins.

/** Starts offline support; `onUpdateReady` is called when a new version can be applied (H5 asks the person). */
export function startOfflineSupport(_onUpdateReady?: (apply: () => void) => void): void {}

/** Forgets cached data tied to a session (called on sign-out). */
export async function clearSessionCaches(): Promise<void> {}

/** Whether there is a page listing what still works offline. */
export const hasOfflinePage = false

export function openOfflinePage(): void {}

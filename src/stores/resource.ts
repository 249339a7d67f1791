import { ApiError, RequestCanceled, toApiError } from '@/api/apiError'

/** What a page needs to know about data it is waiting for. */
export type Resource<T> =
  | { status: 'idle'; data?: undefined; error?: undefined }
  | { status: 'loading'; data?: T; error?: undefined }
  | { status: 'ready'; data: T; error?: undefined }
  | { status: 'error'; data?: T; error: ApiError }

export const idle = { status: 'idle' } as const

export function loading<T>(previous?: Resource<T>): Resource<T> {
  return { status: 'loading', data: previous?.data }
}

export function ready<T>(data: T): Resource<T> {
  return { status: 'ready', data }
}

/** Keeps what was shown before (stale but useful offline) next to the error. */
export function failed<T>(error: ApiError, previous?: Resource<T>): Resource<T> {
  return { status: 'error', error, data: previous?.data }
}

/** Normalizes anything thrown into an ApiError, or null when the request was cancelled on purpose. */
export function apiErrorOf(error: unknown): ApiError | null {
  const normalized = toApiError(error)
  return normalized instanceof RequestCanceled ? null : normalized
}

/**
 * Fills one resource slot: does nothing while it loads or once loaded (unless refreshing), keeps what is shown
 * through a refresh and a failure, and ignores a cancelled request.
 */
export async function fetchInto<T>(
  current: Resource<T>,
  write: (next: Resource<T>) => void,
  fetcher: () => Promise<T>,
  refresh = false,
): Promise<void> {
  if (current.status === 'loading' || (current.status === 'ready' && !refresh)) return
  write(loading(current))
  try {
    write(ready(await fetcher()))
  } catch (error) {
    const apiError = apiErrorOf(error)
    if (apiError) write(failed(apiError, current))
  }
}

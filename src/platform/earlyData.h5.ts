type EarlyResponses = Record<string, Promise<unknown> | undefined>

/**
 * A response index.html started fetching before the app's scripts arrived, for an API path under /api/v1; handed
 * out once, so a refresh asks the server again. Null when there is none.
 */
export function takeEarlyResponse<T>(path: string): Promise<T> | null {
  const early = (window as unknown as { __banshiEarly?: EarlyResponses }).__banshiEarly
  const response = early?.[path]
  if (!early || !response) return null
  delete early[path]
  return response as Promise<T>
}

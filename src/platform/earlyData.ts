/** The mini-program has no index.html to fetch anything early (see earlyData.h5.ts). */
export function takeEarlyResponse<T>(_path: string): Promise<T> | null {
  return null
}

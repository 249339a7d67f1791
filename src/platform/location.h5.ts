import type { PlaceToOpen, PositionResult } from './locationTypes'

export type { PlaceToOpen, PositionResult } from './locationTypes'

const POSITION_TIMEOUT_MS = 8000

/** The browser's position; a refusal or no fix within 8 s answers at once so the page can fall back. */
export function currentPosition(): Promise<PositionResult> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve({ ok: false, reason: 'unavailable' })
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (fix) => resolve({ ok: true, position: { lat: fix.coords.latitude, lng: fix.coords.longitude } }),
      (error) => resolve({ ok: false, reason: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: false, timeout: POSITION_TIMEOUT_MS, maximumAge: 5 * 60 * 1000 },
    )
  })
}

/** Amap's web marker page: it offers navigation in the Amap app or in the browser. */
export function mapUrl(place: PlaceToOpen): string {
  const params = new URLSearchParams({
    position: `${place.lng},${place.lat}`,
    name: place.name,
    src: 'banshi',
    coordinate: 'gaode',
    callnative: '1',
  })
  return `https://uri.amap.com/marker?${params.toString()}`
}

export function openInMap(place: PlaceToOpen): void {
  window.open(mapUrl(place), '_blank', 'noopener')
}

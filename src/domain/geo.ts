import type { Phrase } from './phrase'

const EARTH_RADIUS_M = 6371008.8

export interface LatLng {
  lat: number
  lng: number
}

/** Great-circle distance in whole metres (haversine); plenty for "which hall is nearer". */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const toRad = (deg: number) => (deg * Math.PI) / 180
  const dLat = toRad(b.lat - a.lat)
  const dLng = toRad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2
  return Math.round(2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h))))
}

/** Metres up to a kilometre, then kilometres with one decimal up to ten: as precise as a walk needs. */
export function formatDistance(meters: number): Phrase<'geo.metres' | 'geo.kilometres'> {
  if (meters < 1000) return { key: 'geo.metres', params: { metres: meters } }
  return { key: 'geo.kilometres', params: { km: (meters / 1000).toFixed(meters < 10000 ? 1 : 0) } }
}

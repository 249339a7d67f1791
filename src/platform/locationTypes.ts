import type { LatLng } from '../domain/geo'

export type PositionResult =
  | { ok: true; position: LatLng }
  /** denied: the person said no (or WeChat's permission is off); unavailable: no fix, timeout or no support. */
  | { ok: false; reason: 'denied' | 'unavailable' }

export interface PlaceToOpen extends LatLng {
  name: string
  address: string
}

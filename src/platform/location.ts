import Taro from '@tarojs/taro'
import type { PlaceToOpen, PositionResult } from './locationTypes'

export type { PlaceToOpen, PositionResult } from './locationTypes'

/** The phone's position (gcj02, the datum the halls' coordinates use), asking WeChat's permission when needed. */
export async function currentPosition(): Promise<PositionResult> {
  try {
    const result = await Taro.getLocation({ type: 'gcj02' })
    return { ok: true, position: { lat: result.latitude, lng: result.longitude } }
  } catch (error) {
    const message = String((error as { errMsg?: string })?.errMsg ?? error)
    return { ok: false, reason: /auth|deny|denied/i.test(message) ? 'denied' : 'unavailable' }
  }
}

/** WeChat's built-in map with a button to navigate there. */
export function openInMap(place: PlaceToOpen): void {
  Taro.openLocation({ latitude: place.lat, longitude: place.lng, name: place.name, address: place.address, scale: 16 }).catch(
    () => undefined,
  )
}

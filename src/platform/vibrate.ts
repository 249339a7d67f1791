import Taro from '@tarojs/taro'

/** A long buzz (about 400 ms) to draw the eye to the screen; phones set to silent still feel it. */
export function vibrateLong(): void {
  Taro.vibrateLong().catch(() => {
    // Some devices and the simulator have no motor; the banner on screen still says it.
  })
}

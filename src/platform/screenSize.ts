import Taro from '@tarojs/taro'

function windowInfo(): { windowWidth: number; windowHeight: number } {
  try {
    return Taro.getWindowInfo?.() ?? Taro.getSystemInfoSync()
  } catch {
    return { windowWidth: 375, windowHeight: 640 }
  }
}

/** The height in px a page can use; a list that scrolls on its own never needs more rows than fill it. */
export function windowHeight(): number {
  return windowInfo().windowHeight || 640
}

/** A length of the 750-wide design (what the styles use, rpx in the mini-program) in px on this screen. */
export function designToPx(value: number): number {
  return (value * (windowInfo().windowWidth || 375)) / 750
}

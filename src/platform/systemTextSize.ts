import Taro from '@tarojs/taro'
import type { SystemTextSize } from '@/domain/textSize'

/** The WeChat text size (我 → 设置 → 通用 → 字体大小, or 关怀模式), from getAppBaseInfo where the base library has it. */
export function readSystemTextSize(): SystemTextSize {
  try {
    const info = (Taro.getAppBaseInfo?.() ?? Taro.getSystemInfoSync()) as { fontSizeSetting?: number; fontSizeScaleFactor?: number }
    return { fontSizePx: info.fontSizeSetting ?? null, scaleFactor: info.fontSizeScaleFactor ?? null }
  } catch {
    return {}
  }
}

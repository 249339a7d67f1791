import Taro from '@tarojs/taro'

/** WeChat's own language setting (我 → 设置 → 通用 → 多语言), e.g. `zh_CN` or `en`. */
export function readSystemLocale(): string | null {
  try {
    const info = (Taro.getAppBaseInfo?.() ?? Taro.getSystemInfoSync()) as { language?: string }
    return info.language ?? null
  } catch {
    return null
  }
}

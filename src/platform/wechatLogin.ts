import Taro from '@tarojs/taro'

/** A one-time code from wx.login for the server's code2session exchange; null when WeChat gives none. */
export async function wechatLoginCode(): Promise<string | null> {
  try {
    const { code } = await Taro.login({ timeout: 10_000 })
    return code || null
  } catch {
    return null
  }
}

export const canSignInWithWechat = true

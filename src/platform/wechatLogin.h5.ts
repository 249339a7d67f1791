/** A browser has no WeChat login: citizens sign in with their phone instead. */
export async function wechatLoginCode(): Promise<string | null> {
  return null
}

export const canSignInWithWechat = false

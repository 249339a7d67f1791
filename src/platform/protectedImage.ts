// Mini-program: an image that needs the bearer token (a material photo) is downloaded to a temp file first,
// because <Image src> cannot send headers.
import Taro from '@tarojs/taro'

/** A path an <Image> can show; null when the file could not be fetched (gone, or not ours to see). */
export async function loadProtectedImage(url: string, token: string | null): Promise<string | null> {
  try {
    const result = await Taro.downloadFile({ url, header: token ? { Authorization: `Bearer ${token}` } : {} })
    return result.statusCode === 200 ? result.tempFilePath : null
  } catch {
    return null
  }
}

// H5: an image that needs the bearer token (a material photo) is fetched and shown from an object URL.

/** A URL an <Image> can show; null when the file could not be fetched (gone, or not ours to see). */
export async function loadProtectedImage(url: string, token: string | null): Promise<string | null> {
  try {
    const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {}, cache: 'no-store' })
    return response.ok ? URL.createObjectURL(await response.blob()) : null
  } catch {
    return null
  }
}

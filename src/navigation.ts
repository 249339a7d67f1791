import Taro from '@tarojs/taro'

/** Every page's address in one place. */
export const paths = {
  home: '/pages/index/index',
  search: (q?: string) => (q ? `/pages/search/index?q=${encodeURIComponent(q)}` : '/pages/search/index'),
  guide: (code: string) => `/pages/guide/index?code=${encodeURIComponent(code)}`,
  browse: (tab: 'topics' | 'departments' = 'topics') => `/pages/browse/index?tab=${tab}`,
  items: (filter: { topic?: string; department?: string; hall?: string }) => {
    const query = Object.entries(filter)
      .filter(([, value]) => value)
      .map(([key, value]) => `${key}=${encodeURIComponent(value as string)}`)
      .join('&')
    return `/pages/items/index${query ? `?${query}` : ''}`
  },
}

/** Opens a page; when the mini-program's 10-page stack is full, replaces the current page instead. */
export function openPage(url: string): void {
  Taro.navigateTo({ url }).catch(() => {
    Taro.redirectTo({ url }).catch(() => {
      // Navigation can only fail here if the page does not exist, which the paths above rule out.
    })
  })
}

/** Router params arrive URL-encoded on some platforms and decoded on others. */
export function routeParam(params: Record<string, string | undefined>, name: string): string {
  const raw = params[name] ?? ''
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

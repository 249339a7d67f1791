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
  me: '/pages/me/index',
  /** Phone sign-in; `back` is where to return afterwards (the page that asked for it). */
  login: (back?: string) => (back ? `/pages/login/index?back=${encodeURIComponent(back)}` : '/pages/login/index'),
  staffLogin: '/packages/staff/login/index',
  progress: (no?: string, phoneLast4?: string) =>
    no ? `/pages/progress/index?no=${encodeURIComponent(no)}&phoneLast4=${encodeURIComponent(phoneLast4 ?? '')}` : '/pages/progress/index',
  myApplications: '/packages/apply/mine/index',
  application: (no: string) => `/packages/apply/detail/index?no=${encodeURIComponent(no)}`,
  apply: (code: string) => `/packages/apply/form/index?code=${encodeURIComponent(code)}`,
  /** Halls nearest first; with an item code, only the halls that handle it (从办事指南"在哪里办"). */
  halls: (itemCode?: string) => (itemCode ? `/pages/halls/index?item=${encodeURIComponent(itemCode)}` : '/pages/halls/index'),
  hall: (id: string) => `/pages/hall/index?id=${encodeURIComponent(id)}`,
  ticket: (id: string) => `/pages/ticket/index?id=${encodeURIComponent(id)}`,
  /** Staff home after sign-in: queue console and 办件. */
  staffHome: '/packages/staff/index/index',
  staffQueue: (hallId?: string, windowNo?: number) =>
    hallId ? `/packages/staff/queue/index?hall=${encodeURIComponent(hallId)}${windowNo ? `&window=${windowNo}` : ''}` : '/packages/staff/queue/index',
  /**
   * Booking flow: from a guide (item code), optionally with the hall already chosen; `held` is a place the
   * waitlist offered (its day and slot are chosen for the person).
   */
  book: (itemCode: string, hallId?: string, held?: { date: string; slotId: string }) =>
    `/packages/booking/book/index?item=${encodeURIComponent(itemCode)}${hallId ? `&hall=${encodeURIComponent(hallId)}` : ''}${
      held ? `&date=${held.date}&slot=${encodeURIComponent(held.slotId)}` : ''
    }`,
  appointment: (id: string) => `/packages/booking/detail/index?id=${encodeURIComponent(id)}`,
  myAppointments: '/packages/booking/mine/index',
  /** Grid workers: who to visit, one resident, applying at the door, and what is waiting to be sent. */
  gridHome: '/packages/grid/home/index',
  gridResident: (id: string) => `/packages/grid/resident/index?id=${encodeURIComponent(id)}`,
  gridApply: (target: { residentId: string; itemCode: string } | { draftId: string }) =>
    'draftId' in target
      ? `/packages/grid/apply/index?draft=${encodeURIComponent(target.draftId)}`
      : `/packages/grid/apply/index?resident=${encodeURIComponent(target.residentId)}&item=${encodeURIComponent(target.itemCode)}`,
  gridOutbox: '/packages/grid/outbox/index',
  staffApplications: (no?: string) => (no ? `/packages/staff/applications/index?no=${encodeURIComponent(no)}` : '/packages/staff/applications/index'),
}

const pathOf = (url: string) => `/${url.split('?')[0].replace(/^\/+/, '')}`

/**
 * After a citizen signs in: back to the page that asked (going back when it is the one underneath, so it is not
 * in the stack twice), or else to 我的.
 */
export function returnAfterSignIn(back: string): void {
  const target = back.startsWith('/pages/') || back.startsWith('/packages/') ? back : paths.me
  const stack = Taro.getCurrentPages()
  const underneath = stack[stack.length - 2]?.route
  if (underneath && pathOf(underneath) === pathOf(target)) {
    Taro.navigateBack({ delta: 1 }).catch(() => undefined)
    return
  }
  Taro.redirectTo({ url: target }).catch(() => {
    Taro.reLaunch({ url: paths.me }).catch(() => undefined)
  })
}

/** Staff signing in start afresh on 我的: nothing a citizen had open stays underneath. */
export function startOverAt(url: string): void {
  Taro.reLaunch({ url }).catch(() => undefined)
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

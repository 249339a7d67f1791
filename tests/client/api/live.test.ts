import type { QueueSnapshot, Ticket } from '@/domain/contract'
import { ApiError } from '@/api/apiError'
import {
  BACKOFF_BASE_MS,
  BACKOFF_MAX_MS,
  POLL_INTERVAL_MS,
  SILENCE_LIMIT_MS,
  createLiveFeed,
  reconnectDelayMs,
  type LiveFeedDeps,
  type LiveMode,
} from '@/api/live'
import type { LiveSocketHandlers } from '@/platform/liveSocket'

/** A socket the test drives by hand: it opens, speaks and dies when told to. */
class FakeSocket {
  sent: unknown[] = []
  closed = false
  constructor(readonly url: string, readonly handlers: LiveSocketHandlers) {}
  send(text: string) {
    this.sent.push(JSON.parse(text))
  }
  close() {
    this.closed = true
  }
  open() {
    this.handlers.onOpen()
  }
  receive(frame: unknown) {
    this.handlers.onMessage(typeof frame === 'string' ? frame : JSON.stringify(frame))
  }
  die() {
    this.handlers.onClose()
  }
}

function snapshot(version: number, waiting: number, updatedAt = `2026-11-25T10:00:${String(version).padStart(2, '0')}+08:00`): QueueSnapshot {
  return {
    hallId: 'lh-district',
    version,
    updatedAt,
    openNow: true,
    categories: [{ id: 'A', name: '综合受理', prefix: 'A', serving: ['A001'], waiting, estimatedWaitMin: waiting * 4, estimatedWaitHighMin: waiting * 6, openWindows: 2 }],
  }
}

const ticket = (ahead: number, status: Ticket['status'] = 'waiting'): Ticket => ({
  id: 't1', number: 'A010', hallId: 'lh-district', hallName: '龙华区行政服务大厅', categoryId: 'A', categoryName: '综合受理',
  status, priority: false, source: 'app', ahead, estimatedWaitMin: ahead * 4, estimatedWaitHighMin: ahead * 6,
  window: status === 'called' ? 3 : null, issuedAt: '2026-11-25T09:00:00+08:00', calledAt: null, finishedAt: null, appointmentId: null,
})

function setUp(overrides: Partial<LiveFeedDeps> = {}) {
  const sockets: FakeSocket[] = []
  const deps: LiveFeedDeps = {
    openSocket: (url, handlers) => {
      const socket = new FakeSocket(url, handlers)
      sockets.push(socket)
      return socket
    },
    fetchSnapshot: jest.fn(async () => ({ changed: false as const })),
    fetchTicket: jest.fn(async () => ticket(5)),
    accessToken: () => 'access-1',
    socketUrl: () => 'http://banshi.test/api/v1/live',
    random: () => 0.5,
    ...overrides,
  }
  const seen = { snapshots: [] as QueueSnapshot[], tickets: [] as Ticket[], modes: [] as LiveMode[], fatal: [] as string[] }
  const listener = {
    onSnapshot: (s: QueueSnapshot) => seen.snapshots.push(s),
    onTicket: (t: Ticket) => seen.tickets.push(t),
    onMode: (m: LiveMode) => seen.modes.push(m),
    onFatal: (e: { code: string }) => seen.fatal.push(e.code),
  }
  return { sockets, deps, seen, listener, latest: () => sockets[sockets.length - 1] }
}

beforeEach(() => jest.useFakeTimers())
afterEach(() => jest.useRealTimers())

describe('reconnect delays', () => {
  it('double with each attempt up to a ceiling, with at most half of each left to chance', () => {
    expect(reconnectDelayMs(0, () => 0)).toBe(BACKOFF_BASE_MS / 2)
    expect(reconnectDelayMs(0, () => 0.999999)).toBe(BACKOFF_BASE_MS)
    expect(reconnectDelayMs(3, () => 0)).toBe(4 * BACKOFF_BASE_MS)
    expect(reconnectDelayMs(3, () => 0.999999)).toBe(8 * BACKOFF_BASE_MS)
    expect(reconnectDelayMs(20, () => 0.999999)).toBe(BACKOFF_MAX_MS)
    expect(reconnectDelayMs(20, () => 0)).toBe(BACKOFF_MAX_MS / 2)
  })
})

describe('a live feed of a hall', () => {
  it('subscribes to the hall when the socket opens and passes snapshots on, newest only', () => {
    const { deps, seen, listener, latest } = setUp()
    createLiveFeed({ hall: 'lh-district' }, listener, deps).start()
    expect(latest().url).toBe('http://banshi.test/api/v1/live')
    latest().open()
    expect(latest().sent).toEqual([{ type: 'subscribe', hall: 'lh-district' }])
    latest().receive({ type: 'queue', ...snapshot(4, 6) })
    latest().receive({ type: 'queue', ...snapshot(3, 9) })
    latest().receive({ type: 'queue', ...snapshot(4, 6) })
    latest().receive({ type: 'queue', ...snapshot(5, 5) })
    latest().receive({ type: 'queue', ...snapshot(9, 1), hallId: 'another-hall' })
    expect(seen.snapshots.map((s) => s.version)).toEqual([4, 5])
    expect(seen.modes).toEqual(['connecting', 'live'])
  })

  it('answers pings and ignores frames that are not JSON', () => {
    const { deps, seen, listener, latest } = setUp()
    createLiveFeed({ hall: 'lh-district' }, listener, deps).start()
    latest().open()
    latest().receive('not json {')
    latest().receive({ type: 'ping' })
    expect(latest().sent).toEqual([{ type: 'subscribe', hall: 'lh-district' }, { type: 'pong' }])
    expect(seen.snapshots).toEqual([])
  })

  it('reconnects after a drop with growing delays and resubscribes, taking the snapshot sent on subscribe', () => {
    const { deps, seen, listener, sockets, latest } = setUp({ random: () => 0 })
    createLiveFeed({ hall: 'lh-district' }, listener, deps).start()
    latest().open()
    latest().receive({ type: 'queue', ...snapshot(1, 8) })
    latest().die()
    expect(sockets).toHaveLength(1)
    jest.advanceTimersByTime(BACKOFF_BASE_MS / 2 - 1)
    expect(sockets).toHaveLength(1)
    jest.advanceTimersByTime(1)
    expect(sockets).toHaveLength(2)
    latest().die()
    // The second failure in a row waits twice as long.
    jest.advanceTimersByTime(BACKOFF_BASE_MS - 1)
    expect(sockets).toHaveLength(2)
    jest.advanceTimersByTime(1)
    expect(sockets).toHaveLength(3)
    latest().open()
    expect(latest().sent).toEqual([{ type: 'subscribe', hall: 'lh-district' }])
    latest().receive({ type: 'queue', ...snapshot(7, 2) })
    expect(seen.snapshots.map((s) => s.version)).toEqual([1, 7])
    expect(seen.modes[seen.modes.length - 1]).toBe('live')
  })

  it('falls back to polling the snapshot with its ETag while sockets fail, and stops polling once one works', async () => {
    const fetchSnapshot = jest
      .fn()
      .mockResolvedValueOnce({ changed: true, snapshot: snapshot(3, 4), etag: '"v3"' })
      .mockResolvedValue({ changed: false })
    const { deps, seen, listener, sockets, latest } = setUp({ fetchSnapshot, random: () => 0 })
    createLiveFeed({ hall: 'lh-district' }, listener, deps).start()
    // The figures are read once at the start, before any socket is up.
    expect(fetchSnapshot).toHaveBeenCalledTimes(1)
    expect(fetchSnapshot).toHaveBeenLastCalledWith('lh-district', null)
    await jest.advanceTimersByTimeAsync(0)
    expect(seen.snapshots.map((s) => s.version)).toEqual([3])
    latest().die()
    await jest.advanceTimersByTimeAsync(BACKOFF_BASE_MS / 2)
    expect(fetchSnapshot).toHaveBeenCalledTimes(1)
    latest().die()
    await jest.advanceTimersByTimeAsync(0)
    expect(seen.modes).toEqual(['connecting', 'polling'])
    expect(fetchSnapshot).toHaveBeenLastCalledWith('lh-district', '"v3"')
    expect(fetchSnapshot).toHaveBeenCalledTimes(2)
    await jest.advanceTimersByTimeAsync(POLL_INTERVAL_MS)
    expect(fetchSnapshot).toHaveBeenCalledTimes(3)
    // The socket tried again meanwhile (after 1 s) and now works: polling ends.
    expect(sockets).toHaveLength(3)
    latest().open()
    latest().receive({ type: 'queue', ...snapshot(4, 3) })
    expect(seen.modes[seen.modes.length - 1]).toBe('live')
    await jest.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 3)
    expect(fetchSnapshot).toHaveBeenCalledTimes(3)
    expect(seen.snapshots.map((s) => s.version)).toEqual([3, 4])
  })

  it('drops an answer to a poll that is older than what the socket already brought', async () => {
    let answer: (value: unknown) => void = () => undefined
    const fetchSnapshot = jest.fn(() => new Promise((resolve) => (answer = resolve)))
    const { deps, seen, listener, latest } = setUp({ fetchSnapshot: fetchSnapshot as unknown as LiveFeedDeps['fetchSnapshot'], random: () => 0 })
    createLiveFeed({ hall: 'lh-district' }, listener, deps).start()
    latest().die()
    await jest.advanceTimersByTimeAsync(BACKOFF_BASE_MS / 2)
    latest().die()
    await jest.advanceTimersByTimeAsync(BACKOFF_BASE_MS)
    latest().open()
    latest().receive({ type: 'queue', ...snapshot(8, 1) })
    answer({ changed: true, snapshot: snapshot(6, 3), etag: '"v6"' })
    await jest.advanceTimersByTimeAsync(0)
    expect(seen.snapshots.map((s) => s.version)).toEqual([8])
  })

  it('treats a socket silent past the ping interval as dead and reconnects', () => {
    const { deps, listener, sockets, latest } = setUp({ random: () => 0 })
    createLiveFeed({ hall: 'lh-district' }, listener, deps).start()
    latest().open()
    latest().receive({ type: 'queue', ...snapshot(1, 1) })
    jest.advanceTimersByTime(SILENCE_LIMIT_MS - 1)
    latest().receive({ type: 'ping' })
    jest.advanceTimersByTime(SILENCE_LIMIT_MS - 1)
    expect(sockets[0].closed).toBe(false)
    jest.advanceTimersByTime(1)
    expect(sockets[0].closed).toBe(true)
    jest.advanceTimersByTime(BACKOFF_BASE_MS / 2)
    expect(sockets).toHaveLength(2)
  })

  it('holds no socket and makes no request while paused, and resyncs then reconnects on resume', async () => {
    const fetchSnapshot = jest.fn(async () => ({ changed: true as const, snapshot: snapshot(12, 0), etag: '"v12"' }))
    const { deps, seen, listener, sockets, latest } = setUp({ fetchSnapshot })
    const feed = createLiveFeed({ hall: 'lh-district' }, listener, deps)
    feed.start()
    latest().open()
    latest().receive({ type: 'queue', ...snapshot(10, 2) })
    feed.pause()
    expect(sockets[0].closed).toBe(true)
    expect(seen.modes[seen.modes.length - 1]).toBe('paused')
    await jest.advanceTimersByTimeAsync(10 * 60_000)
    expect(sockets).toHaveLength(1)
    expect(fetchSnapshot).toHaveBeenCalledTimes(1)
    feed.resume()
    await jest.advanceTimersByTimeAsync(0)
    expect(fetchSnapshot).toHaveBeenCalledTimes(2)
    expect(sockets).toHaveLength(2)
    expect(seen.snapshots.map((s) => s.version)).toEqual([10, 12])
  })

  it('stops for good on an unknown hall', () => {
    const { deps, seen, listener, sockets, latest } = setUp()
    createLiveFeed({ hall: 'nowhere' }, listener, deps).start()
    latest().open()
    latest().receive({ type: 'error', code: 'HALL_NOT_FOUND', message: '没有找到这个大厅' })
    expect(seen.fatal).toEqual(['HALL_NOT_FOUND'])
    expect(sockets[0].closed).toBe(true)
    jest.advanceTimersByTime(BACKOFF_MAX_MS * 2)
    expect(sockets).toHaveLength(1)
  })
})

describe('a live feed of a ticket', () => {
  it("connects with its owner's token, subscribes to the ticket and passes its frames on", () => {
    const { deps, seen, listener, latest } = setUp()
    createLiveFeed({ ticket: 't1' }, listener, deps).start()
    expect(latest().url).toBe('http://banshi.test/api/v1/live?token=access-1')
    latest().open()
    expect(latest().sent).toEqual([{ type: 'subscribe', ticket: 't1' }])
    latest().receive({ type: 'ticket', ...ticket(3) })
    latest().receive({ type: 'ticket', ...ticket(0, 'called') })
    latest().receive({ type: 'ticket', ...ticket(0), id: 'someone-else' })
    expect(seen.tickets.map((t) => [t.status, t.ahead])).toEqual([['waiting', 3], ['called', 0]])
  })

  it('polls the ticket when sockets fail', async () => {
    const { deps, seen, listener, latest } = setUp({ random: () => 0 })
    createLiveFeed({ ticket: 't1' }, listener, deps).start()
    latest().die()
    await jest.advanceTimersByTimeAsync(BACKOFF_BASE_MS / 2)
    latest().die()
    await jest.advanceTimersByTimeAsync(0)
    expect(deps.fetchTicket).toHaveBeenCalledWith('t1')
    expect(seen.tickets.map((t) => t.ahead)).toEqual([5])
  })

  it('renews an expired sign-in over HTTP, then reconnects with the new token', async () => {
    let token = 'old'
    const fetchTicket = jest.fn(async () => {
      token = 'renewed'
      return ticket(4)
    })
    const { deps, seen, listener, sockets, latest } = setUp({ fetchTicket, accessToken: () => token, random: () => 0 })
    createLiveFeed({ ticket: 't1' }, listener, deps).start()
    latest().open()
    latest().receive({ type: 'error', code: 'TOKEN_EXPIRED', message: '登录已过期' })
    await jest.advanceTimersByTimeAsync(BACKOFF_BASE_MS)
    expect(seen.tickets.map((t) => t.ahead)).toEqual([4])
    expect(sockets).toHaveLength(2)
    expect(latest().url).toContain('token=renewed')
  })

  it('stops when the ticket turns out not to be this person’s', async () => {
    const fetchTicket = jest.fn(async () => {
      throw new ApiError('FORBIDDEN', '您没有权限', 403)
    })
    const { deps, seen, listener, latest } = setUp({ fetchTicket, random: () => 0 })
    createLiveFeed({ ticket: 't1' }, listener, deps).start()
    latest().die()
    await jest.advanceTimersByTimeAsync(BACKOFF_BASE_MS / 2)
    latest().die()
    await jest.advanceTimersByTimeAsync(0)
    expect(seen.fatal).toEqual(['FORBIDDEN'])
    expect(seen.modes[seen.modes.length - 1]).toBe('stopped')
  })
})

import type { LiveServerFrame, QueueSnapshot, Ticket } from '@/domain/contract'
import { openLiveSocket, type LiveSocket, type OpenLiveSocket } from '@/platform/liveSocket'
import { ApiError } from './apiError'
import { apiUrl, currentAccessToken } from './http'
import { fetchQueueSnapshot, fetchTicket } from './queue'

/** What a feed follows: a hall's whole queue, or one ticket (its owner's). */
export type LiveTarget = { hall: string } | { ticket: string }

/**
 * connecting: opening a socket; live: frames arriving over the socket; polling: sockets keep failing, so the
 * snapshot is fetched every few seconds; paused: the page is hidden; stopped: over (left the page or a fatal error).
 */
export type LiveMode = 'connecting' | 'live' | 'polling' | 'paused' | 'stopped'

export interface LiveFeedListener {
  onSnapshot?(snapshot: QueueSnapshot): void
  onTicket?(ticket: Ticket): void
  onMode?(mode: LiveMode): void
  /** Following cannot go on (unknown hall or ticket, not the owner): the feed has stopped. */
  onFatal?(error: { code: string; message: string }): void
}

export interface LiveFeedDeps {
  openSocket: OpenLiveSocket
  fetchSnapshot: typeof fetchQueueSnapshot
  fetchTicket: typeof fetchTicket
  accessToken(): string | null
  socketUrl(): string
  /** 0 ≤ x < 1; the jitter's source. */
  random(): number
}

export interface LiveFeed {
  start(): void
  /** The page went out of sight: no socket, no polling, no battery spent. */
  pause(): void
  /** Back in sight: fetch what changed meanwhile and reconnect at once. */
  resume(): void
  stop(): void
}

export const BACKOFF_BASE_MS = 1000
export const BACKOFF_MAX_MS = 30_000
/** Failed sockets in a row (none delivered a frame) before the snapshot is polled meanwhile. */
export const FAILURES_BEFORE_POLLING = 2
export const POLL_INTERVAL_MS = 5000
/** The server pings every 25 s; a socket silent for longer than this is dead although nobody said so. */
export const SILENCE_LIMIT_MS = 60_000

const FATAL_CODES = new Set(['HALL_NOT_FOUND', 'TICKET_NOT_FOUND', 'FORBIDDEN'])
const AUTH_CODES = new Set(['AUTH_REQUIRED', 'TOKEN_EXPIRED', 'TOKEN_INVALID'])

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so a hall full of phones that lost
 * the same Wi-Fi do not all reconnect in the same instant, yet none waits much less than the backoff says.
 */
export function reconnectDelayMs(attempt: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt)
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}

/** A snapshot replaces the one held only when it is newer; a late answer or a replayed frame is ignored. */
export function isNewerSnapshot(next: QueueSnapshot, held: QueueSnapshot | null): boolean {
  if (!held) return true
  // A restarted server counts versions from 0 again; its snapshots are still newer in time.
  return next.version > held.version || Date.parse(next.updatedAt) > Date.parse(held.updatedAt)
}

function parseFrame(text: string): LiveServerFrame | null {
  try {
    const frame = JSON.parse(text) as LiveServerFrame
    return frame && typeof frame === 'object' && typeof frame.type === 'string' ? frame : null
  } catch {
    return null
  }
}

export const defaultLiveDeps: LiveFeedDeps = {
  openSocket: openLiveSocket,
  fetchSnapshot: fetchQueueSnapshot,
  fetchTicket,
  accessToken: currentAccessToken,
  socketUrl: () => apiUrl('/live'),
  random: Math.random,
}

export function createLiveFeed(target: LiveTarget, listener: LiveFeedListener, deps: LiveFeedDeps = defaultLiveDeps): LiveFeed {
  let mode: LiveMode = 'stopped'
  let socket: LiveSocket | null = null
  let failures = 0
  let held: QueueSnapshot | null = null
  let etag: string | null = null
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null
  let pollTimer: ReturnType<typeof setTimeout> | null = null
  let silenceTimer: ReturnType<typeof setTimeout> | null = null
  /** Bumped on pause and stop, so answers to requests made before them are dropped. */
  let generation = 0

  const setMode = (next: LiveMode) => {
    if (next === mode) return
    mode = next
    listener.onMode?.(next)
  }
  const running = () => mode !== 'paused' && mode !== 'stopped'

  function clearTimers() {
    for (const timer of [reconnectTimer, pollTimer, silenceTimer]) if (timer) clearTimeout(timer)
    reconnectTimer = pollTimer = silenceTimer = null
  }

  function applySnapshot(snapshot: QueueSnapshot) {
    if (!isNewerSnapshot(snapshot, held)) return
    held = snapshot
    listener.onSnapshot?.(snapshot)
  }

  function fatal(code: string, message: string) {
    stop()
    listener.onFatal?.({ code, message })
  }

  /** One HTTP read of the target: the ETag'd snapshot of a hall, or the ticket. */
  async function resyncOverHttp(): Promise<void> {
    const asked = generation
    try {
      if ('hall' in target) {
        const answer = await deps.fetchSnapshot(target.hall, etag)
        if (asked !== generation || !answer.changed) return
        etag = answer.etag
        applySnapshot(answer.snapshot)
      } else {
        const ticket = await deps.fetchTicket(target.ticket)
        if (asked === generation) listener.onTicket?.(ticket)
      }
    } catch (error) {
      // Over HTTP an expired sign-in has already been renewed if it could be: a 401 now means signed out.
      if (asked === generation && error instanceof ApiError && (FATAL_CODES.has(error.code) || AUTH_CODES.has(error.code))) {
        fatal(error.code, error.message)
      }
      // Anything else (offline, a hiccup): the next poll or the socket will bring the news.
    }
  }

  function startPolling() {
    if (pollTimer || !running()) return
    if (mode !== 'live') setMode('polling')
    const tick = async () => {
      await resyncOverHttp()
      if (running() && mode !== 'live') pollTimer = setTimeout(() => void tick(), POLL_INTERVAL_MS)
      else pollTimer = null
    }
    pollTimer = setTimeout(() => void tick(), 0)
  }

  function stopPolling() {
    if (pollTimer) clearTimeout(pollTimer)
    pollTimer = null
  }

  function watchSilence() {
    if (silenceTimer) clearTimeout(silenceTimer)
    silenceTimer = setTimeout(() => {
      silenceTimer = null
      dropSocket()
      scheduleReconnect()
    }, SILENCE_LIMIT_MS)
  }

  function dropSocket() {
    const closing = socket
    socket = null
    closing?.close()
  }

  function scheduleReconnect() {
    if (!running()) return
    failures += 1
    if (failures >= FAILURES_BEFORE_POLLING) startPolling()
    else if (mode === 'live') setMode('connecting')
    const delay = reconnectDelayMs(failures - 1, deps.random)
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null
      connect()
    }, delay)
  }

  function onFrame(text: string) {
    const frame = parseFrame(text)
    if (!frame) return
    watchSilence()
    if (frame.type === 'ping') {
      socket?.send(JSON.stringify({ type: 'pong' }))
      return
    }
    if (frame.type === 'error') {
      if (FATAL_CODES.has(frame.code)) fatal(frame.code, frame.message)
      else if (AUTH_CODES.has(frame.code)) {
        // An HTTP read renews an expired sign-in on the way; the socket then comes back with the new token.
        dropSocket()
        void resyncOverHttp().then(() => scheduleReconnect())
      }
      return
    }
    failures = 0
    stopPolling()
    setMode('live')
    if (frame.type === 'queue' && 'hall' in target && frame.hallId === target.hall) {
      const { type: _type, ...snapshot } = frame
      applySnapshot(snapshot)
    } else if (frame.type === 'ticket' && 'ticket' in target && frame.id === target.ticket) {
      const { type: _type, ...ticket } = frame
      listener.onTicket?.(ticket)
    }
  }

  function connect() {
    if (!running()) return
    let url = deps.socketUrl()
    if ('ticket' in target) url += `?token=${encodeURIComponent(deps.accessToken() ?? '')}`
    const subscribe = JSON.stringify('hall' in target ? { type: 'subscribe', hall: target.hall } : { type: 'subscribe', ticket: target.ticket })
    const opened = deps.openSocket(url, {
      onOpen: () => {
        if (socket !== opened) return
        opened.send(subscribe)
        watchSilence()
      },
      onMessage: (text) => {
        if (socket === opened) onFrame(text)
      },
      onClose: () => {
        if (socket !== opened) return
        socket = null
        if (silenceTimer) clearTimeout(silenceTimer)
        silenceTimer = null
        scheduleReconnect()
      },
    })
    socket = opened
  }

  function stop() {
    generation += 1
    clearTimers()
    dropSocket()
    setMode('stopped')
  }

  return {
    start() {
      if (mode !== 'stopped') return
      failures = 0
      setMode('connecting')
      // A hall's figures show at once, before the socket is up (a 304 when nothing changed); a ticket page reads
      // its ticket itself, to show a proper error when it cannot.
      if ('hall' in target) void resyncOverHttp()
      connect()
    },
    pause() {
      if (!running()) return
      generation += 1
      clearTimers()
      dropSocket()
      setMode('paused')
    },
    resume() {
      if (mode !== 'paused') return
      failures = 0
      setMode('connecting')
      void resyncOverHttp()
      connect()
    },
    stop,
  }
}

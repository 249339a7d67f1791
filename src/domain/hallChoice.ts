import type { Hall } from './contract/halls'

/** Within this, people walk (about 75 m a minute); further, they ride (bus, metro, taxi) with time to get going. */
const WALKING_LIMIT_M = 1500
const WALKING_M_PER_MIN = 75
const RIDING_M_PER_MIN = 350
const RIDING_START_MIN = 10
/** A hall that publishes no queue is assumed about as busy as a typical street hall, not empty. */
const UNKNOWN_WAIT_MIN = 20

/** Minutes to get there from the distance alone (no route planning: good enough to compare halls nearby). */
export function travelMinutes(distanceM: number): number {
  if (distanceM <= WALKING_LIMIT_M) return Math.round(distanceM / WALKING_M_PER_MIN)
  return Math.round(RIDING_START_MIN + distanceM / RIDING_M_PER_MIN)
}

export interface HallChoice {
  hall: Hall
  travelMin: number | null
  waitMin: number
  totalMin: number
}

function choiceOf(hall: Hall): HallChoice {
  const travelMin = hall.distanceM === null ? null : travelMinutes(hall.distanceM)
  const waitMin = hall.queue ? hall.queue.estimatedWaitMin : UNKNOWN_WAIT_MIN
  return { hall, travelMin, waitMin, totalMin: (travelMin ?? 0) + waitMin }
}

/**
 * The hall to suggest for an item (科学分流): among those open now, the one where getting there plus waiting takes
 * least. Without a position only the wait counts. Ties go to the nearer hall, then to the list's order. Null when
 * none is open: a closed hall is never the advice, however short its queue will be.
 */
export function recommendHall(halls: Hall[]): HallChoice | null {
  let best: HallChoice | null = null
  for (const hall of halls) {
    if (!hall.openNow) continue
    const choice = choiceOf(hall)
    const nearer = (choice.travelMin ?? 0) < (best?.travelMin ?? 0)
    if (!best || choice.totalMin < best.totalMin || (choice.totalMin === best.totalMin && nearer)) best = choice
  }
  return best
}

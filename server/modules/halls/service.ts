import type { Kysely, Selectable } from 'kysely'
import type { Database, HallsTable } from '../../db/schema'
import type { Clock } from '../../clock'
import type { Hall, HallDetail, HallLevel, WeeklyHours } from '../../../src/domain/contract'
import { distanceMeters, type LatLng } from '../../../src/domain/geo'
import { hoursToday, isOpenAt } from '../../../src/domain/hallHours'
import { notFound } from '../../errors'
import { itemExists } from '../catalog/repo'
import * as repo from './repo'
import type { QueueStateCache } from '../queue/state'
import { summaryOf } from '../queue/view'

export function toHall(row: Selectable<HallsTable>, now: Date, origin?: LatLng): Hall {
  const hours = JSON.parse(row.hours) as WeeklyHours
  return {
    id: row.id,
    name: row.name,
    level: row.level as HallLevel,
    parent: row.parent,
    address: row.address,
    lat: Number(row.lat),
    lng: Number(row.lng),
    phone: row.phone,
    distanceM: origin ? distanceMeters(origin, { lat: Number(row.lat), lng: Number(row.lng) }) : null,
    openNow: isOpenAt(hours, now),
    hoursToday: hoursToday(hours, now),
    selfService24h: row.self_service_24h === 1,
    queue: null,
  }
}

/** Live queue figures for many halls from the queue state cache: a fixed number of queries for all halls together. */
export async function withQueues(halls: Hall[], queues: QueueStateCache): Promise<Hall[]> {
  const entries = await queues.getMany(halls.map((hall) => hall.id))
  for (const hall of halls) {
    const entry = entries.get(hall.id)
    hall.queue = entry ? summaryOf(entry) : null
  }
  return halls
}

export async function listHalls(
  db: Kysely<Database>,
  clock: Clock,
  queues: QueueStateCache,
  query: { origin?: LatLng; itemCode?: string },
): Promise<Hall[]> {
  if (query.itemCode && !(await itemExists(db, query.itemCode))) throw notFound('ITEM_NOT_FOUND')
  const now = clock.now()
  const halls = await withQueues((await repo.listHalls(db, query.itemCode)).map((row) => toHall(row, now, query.origin)), queues)
  if (query.origin) halls.sort((a, b) => (a.distanceM ?? 0) - (b.distanceM ?? 0))
  return halls
}

export async function hallDetail(db: Kysely<Database>, clock: Clock, queues: QueueStateCache, id: string): Promise<HallDetail> {
  const row = await repo.findHall(db, id)
  if (!row) throw notFound('HALL_NOT_FOUND')
  const categories = await repo.hallCategories(db, id)
  const [hall] = await withQueues([toHall(row, clock.now())], queues)
  return {
    ...hall,
    windows: row.windows,
    hours: JSON.parse(row.hours) as WeeklyHours,
    categories,
  }
}

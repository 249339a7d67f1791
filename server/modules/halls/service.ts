import type { Kysely, Selectable } from 'kysely'
import type { Database, HallsTable } from '../../db/schema'
import type { Clock } from '../../clock'
import type { Hall, HallDetail, HallLevel, WeeklyHours } from '../../../src/domain/contract'
import { distanceMeters, type LatLng } from '../../../src/domain/geo'
import { hoursToday, isOpenAt } from '../../../src/domain/hallHours'
import { notFound } from '../../errors'
import { itemExists } from '../catalog/repo'
import * as repo from './repo'

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

export async function listHalls(
  db: Kysely<Database>,
  clock: Clock,
  query: { origin?: LatLng; itemCode?: string },
): Promise<Hall[]> {
  if (query.itemCode && !(await itemExists(db, query.itemCode))) throw notFound('ITEM_NOT_FOUND')
  const now = clock.now()
  const halls = (await repo.listHalls(db, query.itemCode)).map((row) => toHall(row, now, query.origin))
  if (query.origin) halls.sort((a, b) => (a.distanceM ?? 0) - (b.distanceM ?? 0))
  return halls
}

export async function hallDetail(db: Kysely<Database>, clock: Clock, id: string): Promise<HallDetail> {
  const row = await repo.findHall(db, id)
  if (!row) throw notFound('HALL_NOT_FOUND')
  const categories = await repo.hallCategories(db, id)
  return {
    ...toHall(row, clock.now()),
    windows: row.windows,
    hours: JSON.parse(row.hours) as WeeklyHours,
    categories,
  }
}

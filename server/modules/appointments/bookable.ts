import type { Kysely } from 'kysely'
import { categoryForItem, categoryScope, itemScope } from '../../../src/domain/appointments'
import type { Database } from '../../db/schema'
import { AppError } from '../../errors'
import * as repo from './repo'

export interface BookableItem {
  itemCode: string
  itemName: string
  hallId: string
  /** The queue category the item is served in at this hall (the check-in ticket's category). */
  categoryId: string
  /** Whose slots the item is booked in: its own template's, else its category's. */
  scope: string
}

interface ItemFacts {
  /** null: no such item. */
  name: string | null
  department: string | null
  appointment: number | null
  /** The hall when it handles the item, else null. */
  handledBy: string | null
}

/**
 * Only items marked `appointment: true` that the hall handles can be booked there; anything else is NOT_BOOKABLE
 * (the citizen takes a number at the hall instead).
 */
export function resolveBookable(
  hallId: string,
  itemCode: string,
  item: ItemFacts,
  hallCategories: readonly string[],
  hasItemTemplate: boolean,
): BookableItem {
  if (item.name === null) throw new AppError(404, 'ITEM_NOT_FOUND')
  const categoryId = categoryForItem(item.department ?? '', hallCategories)
  if (item.appointment !== 1 || item.handledBy === null || categoryId === null) throw new AppError(409, 'NOT_BOOKABLE')
  const scope = hasItemTemplate ? itemScope(itemCode) : categoryScope(categoryId)
  return { itemCode, itemName: item.name, hallId, categoryId, scope }
}

/** Whether an item can be booked at a hall, and in which slots. */
export async function bookableItem(db: Kysely<Database>, hallId: string, itemCode: string): Promise<BookableItem> {
  const [item, categories, scopes] = await Promise.all([
    repo.itemAtHall(db, itemCode, hallId),
    repo.hallCategoryIds(db, hallId),
    repo.templateScopes(db, hallId),
  ])
  const facts: ItemFacts = item
    ? { name: item.name, department: item.department, appointment: item.appointment, handledBy: item.hall_id }
    : { name: null, department: null, appointment: null, handledBy: null }
  return resolveBookable(hallId, itemCode, facts, categories, scopes.includes(itemScope(itemCode)))
}

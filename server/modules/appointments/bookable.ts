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

/**
 * Whether an item can be booked at a hall, and in which slots. Only items marked `appointment: true` that the hall
 * handles: anything else is NOT_BOOKABLE (the citizen takes a number at the hall instead).
 */
export async function bookableItem(db: Kysely<Database>, hallId: string, itemCode: string): Promise<BookableItem> {
  const [item, categories, scopes] = await Promise.all([
    repo.itemAtHall(db, itemCode, hallId),
    repo.hallCategoryIds(db, hallId),
    repo.templateScopes(db, hallId),
  ])
  if (!item) throw new AppError(404, 'ITEM_NOT_FOUND')
  const categoryId = categoryForItem(item.department, categories)
  if (item.appointment !== 1 || item.hall_id === null || categoryId === null) throw new AppError(409, 'NOT_BOOKABLE')
  const scope = scopes.includes(itemScope(itemCode)) ? itemScope(itemCode) : categoryScope(categoryId)
  return { itemCode, itemName: item.name, hallId, categoryId, scope }
}

import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { setTemplate } from '../modules/appointments/schedule'

// Demo mode: every hall books its general window (A) and, where it has one, its police window (B) in half-hour
// slots, so the items marked for appointment show free slots right after `npm start`.
const GENERAL = { slotMinutes: 30, places: 4, walkInPlaces: 1 }
const POLICE = { slotMinutes: 20, places: 3, walkInPlaces: 1 }

/** Creates the demo templates once (when no hall has any yet); returns how many were set. */
export async function ensureDemoSlotTemplates(db: Kysely<Database>, now: Date): Promise<number> {
  const existing = await db.selectFrom('slot_templates').select('hall_id').limit(1).executeTakeFirst()
  if (existing) return 0
  const categories = await db.selectFrom('hall_categories').select(['hall_id', 'id']).where('id', 'in', ['A', 'B']).execute()
  for (const category of categories) {
    await setTemplate(db, { hallId: category.hall_id, target: category.id, ...(category.id === 'B' ? POLICE : GENERAL) }, now)
  }
  return categories.length
}

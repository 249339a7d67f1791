import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { CatalogItemSchema, HallLevelSchema, QueueCategorySchema, WeeklyHoursSchema } from '../../src/domain/contract'
import itemsJson from './data/items.json'
import hallsJson from './data/halls.json'

/** A queue category as imported: the number prefix defaults to the id's first letter, priority to category V. */
export const HallCategoryRecordSchema = Type.Composite([
  QueueCategorySchema,
  Type.Object({
    prefix: Type.Optional(Type.String({ pattern: '^[A-Z]{1,2}$' })),
    priority: Type.Optional(Type.Boolean()),
  }),
])

/** A hall as published in the import format (halls.json). */
export const HallRecordSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  name: Type.String({ minLength: 1 }),
  level: HallLevelSchema,
  parent: Type.Union([Type.String(), Type.Null()]),
  address: Type.String(),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  phone: Type.String(),
  hours: WeeklyHoursSchema,
  selfService24h: Type.Boolean(),
  windows: Type.Integer({ minimum: 0 }),
  categories: Type.Array(HallCategoryRecordSchema),
})

export type HallRecord = Static<typeof HallRecordSchema>
export type ItemRecord = Static<typeof CatalogItemSchema>
export type HallCategoryRecord = Static<typeof HallCategoryRecordSchema>

export function categoryPrefix(category: HallCategoryRecord): string {
  return category.prefix ?? (category.id.slice(0, 1).toUpperCase() || 'Q')
}

export function categoryIsPriority(category: HallCategoryRecord): boolean {
  return category.priority ?? category.id === 'V'
}

export class CatalogFormatError extends Error {}

function checkAll<T>(schema: Parameters<typeof Value.Check>[0], records: unknown, label: string): T[] {
  if (!Array.isArray(records)) throw new CatalogFormatError(`${label}: expected a list`)
  records.forEach((record, index) => {
    if (!Value.Check(schema, record)) {
      const first = Value.Errors(schema, record).First()
      throw new CatalogFormatError(`${label}[${index}]${first ? ` ${first.path}: ${first.message}` : ''}`)
    }
  })
  return records as T[]
}

export function checkItems(records: unknown): ItemRecord[] {
  const items = checkAll<ItemRecord>(CatalogItemSchema, records, 'items')
  const seen = new Set<string>()
  for (const item of items) {
    if (seen.has(item.code)) throw new CatalogFormatError(`items: code ${item.code} appears twice`)
    seen.add(item.code)
  }
  return items
}

export function checkHalls(records: unknown): HallRecord[] {
  const halls = checkAll<HallRecord>(HallRecordSchema, records, 'halls')
  // Ids are primary keys (categories per hall): a repeat would fail the import halfway with a database error.
  const seen = new Set<string>()
  for (const hall of halls) {
    if (seen.has(hall.id)) throw new CatalogFormatError(`halls: id ${hall.id} appears twice`)
    seen.add(hall.id)
    const categoryIds = hall.categories.map((category) => category.id)
    const repeated = categoryIds.find((id, index) => categoryIds.indexOf(id) !== index)
    if (repeated !== undefined) throw new CatalogFormatError(`halls: hall ${hall.id} lists category ${repeated} twice`)
    // Two categories with one prefix would both print "A001" on the same day.
    const prefixes = hall.categories.map(categoryPrefix)
    const shared = prefixes.find((prefix, index) => prefixes.indexOf(prefix) !== index)
    if (shared !== undefined) throw new CatalogFormatError(`halls: hall ${hall.id} gives prefix ${shared} to two categories`)
  }
  return halls
}

/** The sample district catalog shipped with the project (copied from the shared sample data). */
export function bundledCatalog(): { items: ItemRecord[]; halls: HallRecord[] } {
  return { items: checkItems(itemsJson), halls: checkHalls(hallsJson) }
}

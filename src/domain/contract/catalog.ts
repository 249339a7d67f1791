import { Type, type Static } from '@sinclair/typebox'
import { HallLevelSchema, HallSchema } from './halls'
import { ITEM_QUERY_MAX, ITEM_SUGGESTIONS_MAX, PAGE_LIMIT_MAX } from '../limits'

export const MaterialFormSchema = Type.Union([
  Type.Literal('原件'),
  Type.Literal('复印件'),
  Type.Literal('原件和复印件'),
  Type.Literal('电子材料'),
])

export const MaterialSchema = Type.Object({
  name: Type.String({ minLength: 1 }),
  form: MaterialFormSchema,
  copies: Type.Integer({ minimum: 0 }),
  required: Type.Boolean(),
  note: Type.Optional(Type.String()),
})

export const ItemKindSchema = Type.Union([Type.Literal('即办件'), Type.Literal('承诺件')])
export const OnlineModeSchema = Type.Union([Type.Literal('全程网办'), Type.Literal('网上预审'), Type.Literal('窗口办理')])

const ItemCode = Type.String({ pattern: '^[0-9A-Za-z]{12}$', description: 'Unified 12-character item code' })

/** One record of the catalog as published (also the import format). */
export const CatalogItemSchema = Type.Object({
  code: ItemCode,
  name: Type.String({ minLength: 1 }),
  department: Type.String({ minLength: 1 }),
  type: Type.String(),
  audience: Type.Array(Type.String()),
  topics: Type.Array(Type.String()),
  kind: ItemKindSchema,
  legalDays: Type.Integer({ minimum: 0, description: 'Statutory time limit, working days' }),
  promisedDays: Type.Integer({ minimum: 0, description: 'Time limit the hall promises, working days' }),
  fee: Type.Union([Type.Integer({ minimum: 0 }), Type.String()], { description: '0 when free, else the fee as text' }),
  visits: Type.Integer({ minimum: 0, description: 'Trips in person needed' }),
  online: OnlineModeSchema,
  levels: Type.Array(HallLevelSchema),
  anywhere: Type.Boolean({ description: '全区通办: any hall of those levels' }),
  appointment: Type.Boolean(),
  conditions: Type.Array(Type.String()),
  materials: Type.Array(MaterialSchema),
  steps: Type.Array(Type.String()),
  basis: Type.String(),
  phone: Type.String(),
})

/** [start, end) positions in an item's name that matched the query, for highlighting. */
export const HighlightRangeSchema = Type.Array(Type.Integer({ minimum: 0 }), {
  minItems: 2,
  maxItems: 2,
  description: '[start, end) character positions in the name that matched the query',
})

export const ItemSummarySchema = Type.Object(
  {
    code: ItemCode,
    name: Type.String(),
    department: Type.String(),
    topics: Type.Array(Type.String()),
    kind: ItemKindSchema,
    promisedDays: Type.Integer({ minimum: 0 }),
    visits: Type.Integer({ minimum: 0 }),
    online: OnlineModeSchema,
    views: Type.Integer({ minimum: 0, description: 'How often the guide was opened' }),
    highlights: Type.Optional(Type.Array(HighlightRangeSchema, { description: 'Only when searching (q given)' })),
  },
  { $id: 'ItemSummary' },
)

/** What a search that found nothing offers instead: related topics to browse, and the hotline to call. */
export const SearchSuggestionsSchema = Type.Object({
  topics: Type.Array(Type.String(), { description: 'Topics (主题) related to the query, or the largest ones' }),
  hotline: Type.String({ description: 'The government service hotline, 12345' }),
})

export const ItemListSchema = Type.Object(
  {
    total: Type.Integer({ minimum: 0 }),
    items: Type.Array(ItemSummarySchema),
    suggestions: Type.Optional(SearchSuggestionsSchema),
  },
  { $id: 'ItemList' },
)

/** One as-you-type completion. */
export const ItemSuggestionSchema = Type.Object({
  code: ItemCode,
  name: Type.String(),
  highlights: Type.Array(HighlightRangeSchema),
})

export const ItemSuggestionListSchema = Type.Object(
  { items: Type.Array(ItemSuggestionSchema, { maxItems: ITEM_SUGGESTIONS_MAX }) },
  { $id: 'ItemSuggestionList' },
)

export const ItemSuggestQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ maxLength: ITEM_QUERY_MAX })),
})

export const GuideSchema = Type.Composite(
  [CatalogItemSchema, Type.Object({ views: Type.Integer({ minimum: 0 }), halls: Type.Array(HallSchema) })],
  { $id: 'Guide' },
)

export const TopicCountSchema = Type.Object({ topic: Type.String(), count: Type.Integer({ minimum: 0 }) })
export const TopicListSchema = Type.Array(TopicCountSchema, { $id: 'TopicList' })

export const DepartmentCountSchema = Type.Object({ department: Type.String(), count: Type.Integer({ minimum: 0 }) })
export const DepartmentListSchema = Type.Array(DepartmentCountSchema, { $id: 'DepartmentList' })


export const ItemListQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ maxLength: ITEM_QUERY_MAX })),
  topic: Type.Optional(Type.String({ maxLength: 50 })),
  department: Type.Optional(Type.String({ maxLength: 100 })),
  hall: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Integer({ minimum: 1, maximum: PAGE_LIMIT_MAX, default: 20 }),
  offset: Type.Integer({ minimum: 0, maximum: 100000, default: 0 }),
})

export const ItemCodeParamsSchema = Type.Object({ code: Type.String({ minLength: 1, maxLength: 32 }) })

export type Material = Static<typeof MaterialSchema>
export type MaterialForm = Static<typeof MaterialFormSchema>
export type ItemKind = Static<typeof ItemKindSchema>
export type OnlineMode = Static<typeof OnlineModeSchema>
export type CatalogItem = Static<typeof CatalogItemSchema>
export type ItemSummary = Static<typeof ItemSummarySchema>
export type ItemList = Static<typeof ItemListSchema>
export type Guide = Static<typeof GuideSchema>
export type TopicCount = Static<typeof TopicCountSchema>
export type DepartmentCount = Static<typeof DepartmentCountSchema>
export type ItemListQuery = Static<typeof ItemListQuerySchema>
export type HighlightRange = Static<typeof HighlightRangeSchema>
export type SearchSuggestions = Static<typeof SearchSuggestionsSchema>
export type ItemSuggestion = Static<typeof ItemSuggestionSchema>
export type ItemSuggestionList = Static<typeof ItemSuggestionListSchema>
export type ItemSuggestQuery = Static<typeof ItemSuggestQuerySchema>

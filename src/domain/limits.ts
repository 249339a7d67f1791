// Limits shared by the contract (schemas) and the client; kept apart from the schemas so importing a number
// never pulls schema code into the apps.
export const ITEM_QUERY_MAX = 100
export const PAGE_LIMIT_MAX = 100
/** As-you-type completions per answer. */
export const ITEM_SUGGESTIONS_MAX = 8

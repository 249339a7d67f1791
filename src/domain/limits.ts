// Limits shared by the contract (schemas) and the client; kept apart from the schemas so importing a number
// never pulls schema code into the apps.
export const ITEM_QUERY_MAX = 100
export const PAGE_LIMIT_MAX = 100
/** As-you-type completions per answer. */
export const ITEM_SUGGESTIONS_MAX = 8
/** Largest upload the server keeps (the apps compress photos to ≤ 500 KB first; this leaves room for HEIC/PNG). */
export const UPLOAD_MAX_BYTES = 8 * 1024 * 1024
/** What the apps compress a material photo to before uploading. */
export const UPLOAD_TARGET_BYTES = 500 * 1024
export const UPLOAD_TARGET_EDGE_PX = 1600
/** Uploads one application may carry. */
export const APPLICATION_MATERIALS_MAX = 30
export const EVALUATION_COMMENT_MAX = 300

// Sentences of the queue pages, in Simplified Chinese; merged into zh.ts. Same keys in queue.en.ts.
export const queueZh = {
} as const

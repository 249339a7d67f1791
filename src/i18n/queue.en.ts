import type { queueZh } from './queue.zh'

export const queueEn: Record<keyof typeof queueZh, string> = {
}

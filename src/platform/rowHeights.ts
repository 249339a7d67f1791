import Taro from '@tarojs/taro'

/**
 * Mini-program: the drawn heights of the elements carrying `className`, by their `data-key`, read with a selector
 * query (the only way to measure there). Heights of 0 are left out: not laid out yet.
 */
export function measureRowHeights(className: string): Promise<Map<string, number>> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .selectAll(`.${className}`)
      .fields({ dataset: true, size: true })
      .exec((results: unknown[]) => {
        const rows = (results?.[0] ?? []) as Array<{ dataset?: { key?: string }; height?: number }>
        const heights = new Map<string, number>()
        for (const row of rows) if (row.dataset?.key && row.height) heights.set(row.dataset.key, row.height)
        resolve(heights)
      })
  })
}

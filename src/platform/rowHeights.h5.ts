/** H5: the drawn heights of the elements carrying `className`, by their `data-key`; 0 (not laid out) is left out. */
export function measureRowHeights(className: string): Promise<Map<string, number>> {
  const heights = new Map<string, number>()
  document.querySelectorAll<HTMLElement>(`.${className}`).forEach((row) => {
    const height = row.getBoundingClientRect().height
    if (row.dataset.key && height > 0) heights.set(row.dataset.key, height)
  })
  return Promise.resolve(heights)
}

/** Which rows of a long list to draw, and how much empty space stands in for the rows above and below them. */
export interface ListWindow {
  /** First row drawn. */
  start: number
  /** One past the last row drawn. */
  end: number
  /** Height of the rows before `start`, kept as empty space so the scroll position and the scroll bar stay true. */
  spaceBefore: number
  /** Height of the rows from `end` on. */
  spaceAfter: number
}

export interface ListWindowInput {
  count: number
  /** A row's height: measured once it has been drawn, an estimate before. */
  heightOf(index: number): number
  /** How far the rows have scrolled: scroll position minus whatever sits above the first row. */
  scrollTop: number
  viewportHeight: number
  /** Rows drawn beyond each edge, so a fast flick or a keyboard step lands on a row that is already there. */
  overscan: number
}

export function listWindow({ count, heightOf, scrollTop, viewportHeight, overscan }: ListWindowInput): ListWindow {
  // Negative while something above the rows (a header) is still on screen: fewer rows fit below it.
  const top = Math.max(0, scrollTop)
  const bottom = scrollTop + Math.max(0, viewportHeight)
  let firstVisible = count
  let lastVisible = count
  let offset = 0
  const offsets: number[] = []
  for (let index = 0; index < count; index += 1) {
    offsets.push(offset)
    const height = heightOf(index)
    if (firstVisible === count && offset + height > top) firstVisible = index
    if (offset < bottom) lastVisible = index + 1
    offset += height
  }
  const total = offset
  // Scrolled past the end (the list shrank): keep the last rows on screen rather than drawing nothing.
  if (firstVisible === count) firstVisible = Math.max(0, count - 1)
  const start = Math.max(0, Math.min(firstVisible, lastVisible) - overscan)
  const end = Math.min(count, Math.max(lastVisible, firstVisible + 1) + overscan)
  const spaceBefore = count === 0 ? 0 : offsets[start] ?? total
  const spaceAfter = end >= count ? 0 : total - offsets[end]
  return { start, end, spaceBefore, spaceAfter }
}

import { listWindow } from '@/domain/listWindow'

const fixed = (height: number) => () => height

describe('listWindow', () => {
  it('draws the rows on screen plus the overscan at the top of the list', () => {
    expect(listWindow({ count: 177, heightOf: fixed(100), scrollTop: 0, viewportHeight: 700, overscan: 3 })).toEqual({
      start: 0,
      end: 10,
      spaceBefore: 0,
      spaceAfter: 167 * 100,
    })
  })

  it('keeps the space of the rows it skips so the total height stays the same', () => {
    const window = listWindow({ count: 177, heightOf: fixed(100), scrollTop: 5_050, viewportHeight: 700, overscan: 3 })
    expect(window).toEqual({ start: 47, end: 61, spaceBefore: 4_700, spaceAfter: (177 - 61) * 100 })
    expect(window.spaceBefore + (window.end - window.start) * 100 + window.spaceAfter).toBe(17_700)
  })

  it('uses each row its own height when rows differ', () => {
    const heights = [50, 300, 50, 300, 50, 300]
    const window = listWindow({ count: 6, heightOf: (index) => heights[index], scrollTop: 360, viewportHeight: 100, overscan: 0 })
    // 0–50 row 0, 50–350 row 1, 350–400 row 2, 400–700 row 3: the viewport 360–460 shows rows 2 and 3.
    expect(window).toEqual({ start: 2, end: 4, spaceBefore: 350, spaceAfter: 350 })
  })

  it('ends at the last row when scrolled to the bottom', () => {
    expect(listWindow({ count: 20, heightOf: fixed(100), scrollTop: 1_300, viewportHeight: 700, overscan: 2 })).toEqual({
      start: 11,
      end: 20,
      spaceBefore: 1_100,
      spaceAfter: 0,
    })
  })

  it('still shows the last rows when the list shrank below the scroll position', () => {
    const window = listWindow({ count: 5, heightOf: fixed(100), scrollTop: 9_000, viewportHeight: 700, overscan: 1 })
    expect(window.end).toBe(5)
    expect(window.start).toBeLessThan(5)
  })

  it('fits fewer rows while a header above them is still on screen', () => {
    expect(listWindow({ count: 177, heightOf: fixed(100), scrollTop: -300, viewportHeight: 700, overscan: 0 }).end).toBe(4)
  })

  it('draws nothing for an empty list', () => {
    expect(listWindow({ count: 0, heightOf: fixed(100), scrollTop: 0, viewportHeight: 700, overscan: 3 })).toEqual({
      start: 0,
      end: 0,
      spaceBefore: 0,
      spaceAfter: 0,
    })
  })
})

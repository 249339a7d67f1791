import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { Text } from '@tarojs/components'
import VirtualList from '@/components/VirtualList'

interface Row {
  id: string
  name: string
}

const rows: Row[] = Array.from({ length: 177 }, (_, index) => ({ id: `item-${index}`, name: `事项 ${index}` }))

function renderList(height = 700) {
  const view = render(
    <VirtualList
      items={rows}
      keyOf={(row) => row.id}
      renderRow={(row) => <Text>{row.name}</Text>}
      label='事项列表'
      estimatedRowHeight={100}
      overscan={4}
      height={height}
      header={<Text>共 177 项</Text>}
    />,
  )
  const list = screen.getByRole('list', { name: '事项列表' })
  const scroller = view.container.firstElementChild as HTMLElement
  const scrollTo = (scrollTop: number) => act(() => void fireEvent.scroll(scroller, { target: { scrollTop } }))
  const names = () => within(list).getAllByRole('listitem').map((item) => item.textContent)
  return { ...view, list, scrollTo, names }
}

describe('VirtualList', () => {
  it('draws only the rows on screen and a few more, in order, in a list with a name', () => {
    const { names } = renderList()
    // 700 px of 100 px rows: rows 0–6 on screen, 4 more below.
    expect(names()).toEqual(rows.slice(0, 11).map((row) => row.name))
  })

  it('draws the right rows at an offset and keeps the space of the others', () => {
    const { list, names, scrollTo } = renderList()
    scrollTo(5_000)
    // Rows 50–56 are on screen; with 4 rows of overscan each side, rows 46–60 are drawn.
    expect(names()).toEqual(rows.slice(46, 61).map((row) => row.name))
    const [before, after] = [list.firstElementChild as HTMLElement, list.lastElementChild as HTMLElement]
    expect(before.style.height).toBe('4600px')
    expect(after.style.height).toBe(`${(177 - 61) * 100}px`)
  })

  it('stays far below 1,000 nodes however far a 177-row list is scrolled', () => {
    const { container, scrollTo, names } = renderList()
    const counts: number[] = []
    for (let top = 0; top <= 177 * 100; top += 350) {
      scrollTo(top)
      counts.push(container.querySelectorAll('*').length)
    }
    expect(Math.max(...counts)).toBeLessThan(60)
    expect(names().at(-1)).toBe('事项 176')
  })

  it('uses measured row heights once rows are drawn', async () => {
    // jsdom lays nothing out; stand in a layout where every row is 200 px tall.
    const measure = jest.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      return { height: this.dataset.key ? 200 : 0 } as DOMRect
    })
    try {
      const { names, list } = renderList()
      expect(names()).toHaveLength(11)
      await act(async () => {})
      // A 200 px header and 200 px rows leave room for rows 0–2 in 700 px; with 4 more below, rows 0–6 are drawn.
      expect(names()).toEqual(rows.slice(0, 7).map((row) => row.name))
      // Rows 7–10 were drawn (so measured) at first; rows never drawn keep their estimate until they are.
      expect((list.lastElementChild as HTMLElement).style.height).toBe(`${4 * 200 + (177 - 11) * 100}px`)
    } finally {
      measure.mockRestore()
    }
  })
})

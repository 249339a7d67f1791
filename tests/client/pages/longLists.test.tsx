// The longest lists the sample catalog gives (all 177 items in one answer) and a large grid stay within the
// mini-program's limits: under 1,000 nodes per page and far under 256 KB per setData, however far they are scrolled.
// The grid's outbox keeps door applications in IndexedDB.
import 'fake-indexeddb/auto'
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { server } from '../../../mock/node'
import { setRouterParams } from '../../support/taro'
import { pageDataBytes, pageNodeCount } from '../../support/pageData'
import sampleItems from '../../../server/seed/data/items.json'
import type { ItemList, ItemSummary, ResidentList } from '@/domain/contract'
import { fixtureResidentList } from '../../../mock/fixtures/grid'
import ItemsPage from '@/pages/items/index'
import SearchPage from '@/pages/search/index'
import GridHome from '@/packages/grid/home/index'
import { useSessionStore } from '@/stores/session'

const API = 'http://banshi.test/api/v1'
const SETDATA_LIMIT = 256 * 1024

const everyItem: ItemSummary[] = (sampleItems as Array<Omit<ItemSummary, 'views'>>).map(
  ({ code, name, department, topics, kind, promisedDays, visits, online }) => ({ code, name, department, topics, kind, promisedDays, visits, online, views: 0 }),
)

function answerWithEveryItem(): void {
  server.use(http.get(`${API}/items`, () => HttpResponse.json({ total: everyItem.length, items: everyItem } satisfies ItemList)))
}

function scrollThrough(list: HTMLElement, each: () => void): void {
  const scroller = list.closest('.virtual-list') as HTMLElement
  // Past the end whatever the row heights turn out to be (rows are estimated at 240 px in jsdom).
  for (let top = 0; top <= everyItem.length * 300; top += 1_000) {
    act(() => void fireEvent.scroll(scroller, { target: { scrollTop: top } }))
    each()
  }
}

describe('long lists in the mini-program limits', () => {
  it('the items page with all 177 sample items', async () => {
    answerWithEveryItem()
    setRouterParams({ topic: encodeURIComponent('全部') })
    const { container } = render(<ItemsPage />)
    expect(await screen.findByRole('heading', { name: '全部 · 共 177 项' })).toBeInTheDocument()
    const list = screen.getByRole('list', { name: '全部' })
    const nodes: number[] = []
    const bytes: number[] = []
    scrollThrough(list, () => {
      nodes.push(pageNodeCount(container))
      bytes.push(pageDataBytes(container))
    })
    expect(Math.max(...nodes)).toBeLessThan(1_000)
    expect(Math.max(...bytes)).toBeLessThan(SETDATA_LIMIT)
    expect(within(list).getAllByRole('listitem').length).toBeLessThan(30)
    expect(within(list).getByText(everyItem[176].name)).toBeInTheDocument()
  })

  it('search results with all 177 sample items', async () => {
    answerWithEveryItem()
    setRouterParams({ q: encodeURIComponent('办理') })
    const { container } = render(<SearchPage />)
    const list = await screen.findByRole('list', { name: '找到 177 个事项' })
    const nodes: number[] = []
    scrollThrough(list, () => nodes.push(pageNodeCount(container)))
    expect(Math.max(...nodes)).toBeLessThan(1_000)
    expect(pageDataBytes(container)).toBeLessThan(SETDATA_LIMIT)
  })

  it("a grid worker's round of 300 residents", async () => {
    const [model] = fixtureResidentList.residents
    const residents = Array.from({ length: 300 }, (_, index) => ({ ...model, id: `r-${index}`, name: `居民${index}` }))
    server.use(http.get(`${API}/grid/residents`, () => HttpResponse.json({ ...fixtureResidentList, total: 300, residents } satisfies ResidentList)))
    await act(() => useSessionStore.getState().signInAsStaff('grid1', 'banshi-demo'))
    const { container } = render(<GridHome />)
    const list = await screen.findByRole('list', { name: fixtureResidentList.gridName })
    const nodes: number[] = []
    const scroller = list.closest('.virtual-list') as HTMLElement
    for (let top = 0; top <= 300 * 300; top += 2_000) {
      act(() => void fireEvent.scroll(scroller, { target: { scrollTop: top } }))
      nodes.push(pageNodeCount(container))
    }
    expect(Math.max(...nodes)).toBeLessThan(1_000)
    expect(pageDataBytes(container)).toBeLessThan(SETDATA_LIMIT)
    expect(within(list).getByText('居民299')).toBeInTheDocument()
  })
})

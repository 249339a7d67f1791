import { ScrollView, View } from '@tarojs/components'
import { useEffect, useId, useMemo, useReducer, useRef, useState, type ReactNode } from 'react'
import { listWindow } from '@/domain/listWindow'
import { measureRowHeights } from '@/platform/rowHeights'
import { windowHeight } from '@/platform/screenSize'
import { a11y } from '@/platform/a11y'
import './VirtualList.scss'

interface VirtualListProps<T> {
  items: readonly T[]
  keyOf(item: T): string
  renderRow(item: T, index: number): ReactNode
  /** Accessible name of the list (what a screen reader says on entering it). */
  label: string
  /** px; rows are measured once drawn, this stands in for the ones not drawn yet. */
  estimatedRowHeight: number
  /** Rows drawn beyond each edge of the screen. */
  overscan?: number
  /**
   * px. Without it the list fills what its page leaves free: the page root takes the class `virtual-list-page`
   * (a column as tall as the screen) and the list takes the rest below whatever comes before it.
   */
  height?: number
  className?: string
  /** Scrolls with the rows, above them (a title, a hint). */
  header?: ReactNode
  /** Scrolls with the rows, below them ("load more", the end of the list). */
  footer?: ReactNode
  /** Near the end of the rows: time to fetch the next page. */
  onEndReached?(): void
}

interface ScrollEvent {
  detail?: { scrollTop?: number }
}

// Row keys are item codes and ids, which never start with '#'.
const HEADER_KEY = '#header'

/**
 * A long list that draws only the rows on screen and a few around them, so a 177-row list stays far under the
 * mini-program's 1,000-nodes-per-page advice and its setData payloads stay small. Rows stay in DOM order between
 * two spacers, so keyboard focus and screen readers move through them in order, and a focused row scrolled into
 * view brings its neighbours with it.
 */
export default function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, keyOf, renderRow, label, estimatedRowHeight, overscan = 4, className, header, footer, onEndReached } = props
  const viewportHeight = useMemo(() => props.height ?? windowHeight(), [props.height])
  const rowClass = `vl-${useId().replace(/[^\w-]/g, '')}`
  // Scrolling within the drawn rows changes nothing on screen: the page redraws only when the window moves.
  const scrollTop = useRef(0)
  const [, redraw] = useReducer((count: number) => count + 1, 0)
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(new Map())
  const heightsRef = useRef(heights)
  heightsRef.current = heights

  const headerHeight = header ? heights.get(HEADER_KEY) ?? 0 : 0
  const windowAt = (top: number) =>
    listWindow({
      count: items.length,
      heightOf: (index) => heights.get(keyOf(items[index])) ?? estimatedRowHeight,
      scrollTop: top - headerHeight,
      viewportHeight,
      overscan,
    })
  const shown = windowAt(scrollTop.current)
  const onScroll = (event: ScrollEvent) => {
    scrollTop.current = event.detail?.scrollTop ?? 0
    const next = windowAt(scrollTop.current)
    if (next.start !== shown.start || next.end !== shown.end) redraw()
  }
  const drawn = items.slice(shown.start, shown.end)
  const drawnKeys = drawn.map(keyOf).join('\n')

  // Real heights replace the estimate as rows are drawn; only a change of a pixel or more redraws.
  useEffect(() => {
    let cancelled = false
    void measureRowHeights(rowClass).then((measured) => {
      if (cancelled) return
      const known = heightsRef.current
      const changed = [...measured].some(([key, height]) => Math.abs((known.get(key) ?? 0) - height) >= 1)
      if (changed) setHeights(new Map([...known, ...measured]))
    })
    return () => {
      cancelled = true
    }
  }, [rowClass, drawnKeys, header])

  return (
    <ScrollView
      className={['virtual-list', props.height === undefined ? 'virtual-list--fill' : '', className ?? ''].filter(Boolean).join(' ')}
      scrollY
      style={props.height === undefined ? undefined : { height: `${props.height}px` }}
      lowerThreshold={estimatedRowHeight * 3}
      onScrollToLower={onEndReached}
      onScroll={onScroll}
    >
      {header ? (
        <View className={rowClass} data-key={HEADER_KEY}>
          {header}
        </View>
      ) : null}
      <View {...a11y({ role: 'list', label })}>
        <View className='virtual-list__space' style={{ height: `${shown.spaceBefore}px` }} {...a11y({ hidden: true })} />
        {drawn.map((item, offset) => (
          <View key={keyOf(item)} className={rowClass} data-key={keyOf(item)} {...a11y({ role: 'listitem' })}>
            {renderRow(item, shown.start + offset)}
          </View>
        ))}
        <View className='virtual-list__space' style={{ height: `${shown.spaceAfter}px` }} {...a11y({ hidden: true })} />
      </View>
      {footer}
    </ScrollView>
  )
}

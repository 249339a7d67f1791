import { Text } from '@tarojs/components'
import type { HighlightRange } from '@/domain/contract'

/** The text with the parts that matched the search (ranges from the server) in bold colour, not by colour alone. */
export default function Highlight({ text, ranges = [] }: { text: string; ranges?: HighlightRange[] }) {
  if (ranges.length === 0) return <Text>{text}</Text>
  const parts: Array<{ text: string; hit: boolean }> = []
  let cursor = 0
  for (const [start, end] of ranges) {
    if (start < cursor || end > text.length || start >= end) continue
    if (start > cursor) parts.push({ text: text.slice(cursor, start), hit: false })
    parts.push({ text: text.slice(start, end), hit: true })
    cursor = end
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor), hit: false })
  return (
    <Text>
      {parts.map((part, index) =>
        part.hit ? (
          <Text key={index} className='highlight'>
            {part.text}
          </Text>
        ) : (
          part.text
        ),
      )}
    </Text>
  )
}

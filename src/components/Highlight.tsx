import { Text } from '@tarojs/components'
import { matchRanges } from '@/domain/searchQuery'

/** The text with the parts that matched the search in bold colour (and not by colour alone). */
export default function Highlight({ text, terms }: { text: string; terms: string[] }) {
  const ranges = matchRanges(text, terms)
  if (ranges.length === 0) return <Text>{text}</Text>
  const parts: Array<{ text: string; hit: boolean }> = []
  let cursor = 0
  for (const [start, end] of ranges) {
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

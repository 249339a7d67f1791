import { Text } from '@tarojs/components'
import './FactTag.scss'

/** A short fact about an item (最多跑一次, 全程网办…) in a small tinted box. */
export default function FactTag({ children, tone = 'primary' }: { children: string; tone?: 'primary' | 'success' }) {
  return <Text className={`fact-tag fact-tag--${tone}`}>{children}</Text>
}

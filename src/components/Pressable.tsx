import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { a11y } from '@/platform/a11y'

interface PressableProps {
  onPress(): void
  role?: 'button' | 'link'
  /** Accessible name when the visible text is not enough. */
  label?: string
  className?: string
  children: ReactNode
}

/** Anything tappable that is not a form button: reachable and usable by keyboard and screen reader too. */
export default function Pressable({ onPress, role = 'button', label, className, children }: PressableProps) {
  return (
    <View className={className} onClick={onPress} {...a11y({ role, label, onActivate: onPress })}>
      {children}
    </View>
  )
}

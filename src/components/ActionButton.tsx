import { Button } from '@nutui/nutui-react-taro'
import type { ReactNode } from 'react'
import { a11y } from '@/platform/a11y'

/** The UI kit's large button, announced as a button (Taro's H5 button is a plain element underneath). */
interface ActionButtonProps {
  onPress(): void
  primary?: boolean
  /** Full width: the main action of a form, an easy target for any thumb. */
  block?: boolean
  /** Accessible name when the visible text is the same on several buttons ("取号" per category). */
  label?: string
  children: ReactNode
}

export default function ActionButton({ onPress, primary = true, block = false, label, children }: ActionButtonProps) {
  return (
    <Button type={primary ? 'primary' : 'default'} size='large' block={block} onClick={onPress} {...a11y({ role: 'button', label, onActivate: onPress })}>
      {children}
    </Button>
  )
}

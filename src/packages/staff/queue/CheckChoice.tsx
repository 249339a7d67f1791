import { View } from '@tarojs/components'
import { a11y } from '@/platform/a11y'

interface CheckChoiceProps {
  label: string
  checked: boolean
  onToggle(): void
  /** One of several where only one can be chosen (a hall), announced as a switch-like choice. */
  single?: boolean
}

/** A large tappable choice that says whether it is chosen, by colour and to screen readers. */
export default function CheckChoice({ label, checked, onToggle, single = false }: CheckChoiceProps) {
  return (
    <View
      className={`staff-queue__choice${checked ? ' staff-queue__choice--on' : ''}`}
      onClick={onToggle}
      {...a11y({ role: single ? 'switch' : 'checkbox', checked, label, onActivate: onToggle })}
    >
      {checked ? `✓ ${label}` : label}
    </View>
  )
}

import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import { a11y } from '@/platform/a11y'
import './ConsentCheck.scss'

interface ConsentCheckProps {
  checked: boolean
  onChange(checked: boolean): void
  /** What the person agrees to, in one line (the accessible name). */
  label: string
  /** The plain-language explanation of what is collected and why. */
  children: ReactNode
  error?: string | null
}

/** A consent the person gives by ticking, never pre-ticked (PIPL: consent must be a clear, voluntary act). */
export default function ConsentCheck({ checked, onChange, label, children, error }: ConsentCheckProps) {
  const toggle = () => onChange(!checked)
  return (
    <View className={`consent-check${error ? ' consent-check--invalid' : ''}`}>
      <View className='consent-check__row' onClick={toggle} {...a11y({ role: 'checkbox', checked, label, onActivate: toggle })}>
        <View className={`consent-check__box${checked ? ' consent-check__box--on' : ''}`} {...a11y({ hidden: true })}>
          {checked ? '✓' : ''}
        </View>
        <Text className='consent-check__label'>{label}</Text>
      </View>
      <Text className='consent-check__text'>{children}</Text>
      {error ? (
        <Text className='consent-check__error' {...a11y({ live: 'assertive' })}>
          {error}
        </Text>
      ) : null}
    </View>
  )
}

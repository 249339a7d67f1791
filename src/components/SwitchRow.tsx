import { View, Text } from '@tarojs/components'
import { a11y } from '@/platform/a11y'
import { useT } from '@/i18n/useT'
import './SwitchRow.scss'

interface SwitchRowProps {
  title: string
  hint?: string
  /** Accessible name, when the title alone does not say what is switched. */
  label?: string
  checked: boolean
  onToggle(): void
}

/** One large on/off row, its state in words as well as in the knob (never colour alone). */
export default function SwitchRow({ title, hint, label, checked, onToggle, className = '' }: SwitchRowProps & { className?: string }) {
  const t = useT()
  return (
    <View className={`switch-row ${className}`} onClick={onToggle} {...a11y({ role: 'switch', checked, label: label ?? title, onActivate: onToggle })}>
      <View className='switch-row__text'>
        <Text className='switch-row__title'>{title}</Text>
        {hint ? <Text className='switch-row__hint'>{hint}</Text> : null}
      </View>
      <View className={checked ? 'switch-row__knob switch-row__knob--on' : 'switch-row__knob'}>
        <Text>{checked ? t('mode.on') : t('mode.off')}</Text>
      </View>
    </View>
  )
}

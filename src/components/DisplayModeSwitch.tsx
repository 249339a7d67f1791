import { View, Text } from '@tarojs/components'
import { useDisplayModeStore } from '@/stores/displayMode'
import { a11y } from '@/platform/a11y'
import './DisplayModeSwitch.scss'
import { useT } from '@/i18n/useT'

/** The 长辈版 switch: one large row, its state in words as well as in the knob (never colour alone). */
export default function DisplayModeSwitch({ className = '' }: { className?: string }) {
  const t = useT()
  const elderly = useDisplayModeStore((state) => state.elderly)
  const setElderly = useDisplayModeStore((state) => state.setElderly)
  const toggle = () => setElderly(!elderly)
  return (
    <View
      className={`mode-switch ${className}`}
      onClick={toggle}
      {...a11y({ role: 'switch', checked: elderly, label: t('mode.elderlyLabel'), onActivate: toggle })}
    >
      <View className='mode-switch__text'>
        <Text className='mode-switch__title'>{t('mode.elderly')}</Text>
        <Text className='mode-switch__hint'>{t('mode.elderlyHint')}</Text>
      </View>
      <View className={elderly ? 'mode-switch__knob mode-switch__knob--on' : 'mode-switch__knob'}>
        <Text>{elderly ? t('mode.on') : t('mode.off')}</Text>
      </View>
    </View>
  )
}

import { View, Text } from '@tarojs/components'
import { useDisplayModeStore } from '@/stores/displayMode'
import { a11y } from '@/platform/a11y'
import './DisplayModeSwitch.scss'

/** The 长辈版 switch: one large row, its state in words as well as in the knob (never colour alone). */
export default function DisplayModeSwitch({ className = '' }: { className?: string }) {
  const elderly = useDisplayModeStore((state) => state.elderly)
  const setElderly = useDisplayModeStore((state) => state.setElderly)
  const toggle = () => setElderly(!elderly)
  return (
    <View
      className={`mode-switch ${className}`}
      onClick={toggle}
      {...a11y({ role: 'switch', checked: elderly, label: '长辈版:字更大、按钮更大', onActivate: toggle })}
    >
      <View className='mode-switch__text'>
        <Text className='mode-switch__title'>长辈版</Text>
        <Text className='mode-switch__hint'>字更大、按钮更大、页面更简单</Text>
      </View>
      <View className={elderly ? 'mode-switch__knob mode-switch__knob--on' : 'mode-switch__knob'}>
        <Text>{elderly ? '已开启' : '已关闭'}</Text>
      </View>
    </View>
  )
}

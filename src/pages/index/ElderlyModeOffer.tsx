import { View, Text } from '@tarojs/components'
import { useDisplayModeStore } from '@/stores/displayMode'
import Pressable from '@/components/Pressable'
import { a11y } from '@/platform/a11y'

/**
 * Offered once, on the home page, until answered: most people who need 长辈版 will never find a switch in settings.
 * When large system text switched it on, this says so and offers the way back instead.
 */
export default function ElderlyModeOffer() {
  const { elderly, decided, automatic, setElderly, dismissOffer } = useDisplayModeStore()
  if (decided) return null
  if (elderly && automatic) {
    return (
      <View className='mode-offer' {...a11y({ role: 'region', label: '长辈版已开启' })}>
        <Text className='mode-offer__text'>您的手机设置了大字,已为您打开长辈版。</Text>
        <View className='mode-offer__actions'>
          <Pressable className='mode-offer__yes' onPress={dismissOffer}>好的</Pressable>
          <Pressable className='mode-offer__no' onPress={() => setElderly(false)}>用标准版</Pressable>
        </View>
      </View>
    )
  }
  return (
    <View className='mode-offer' {...a11y({ role: 'region', label: '长辈版' })}>
      <Text className='mode-offer__text'>觉得字太小?试试长辈版:字更大,按钮更大,页面更简单。</Text>
      <View className='mode-offer__actions'>
        <Pressable className='mode-offer__yes' onPress={() => setElderly(true)}>打开长辈版</Pressable>
        <Pressable className='mode-offer__no' onPress={dismissOffer}>不用了</Pressable>
      </View>
    </View>
  )
}

import { View, Text } from '@tarojs/components'
import { useDisplayModeStore } from '@/stores/displayMode'
import Pressable from '@/components/Pressable'
import { a11y } from '@/platform/a11y'
import { useT } from '@/i18n/useT'

/**
 * Offered once, on the home page, until answered: most people who need 长辈版 will never find a switch in settings.
 * When large system text switched it on, this says so and offers the way back instead.
 */
export default function ElderlyModeOffer() {
  const t = useT()
  const { elderly, decided, automatic, setElderly, dismissOffer } = useDisplayModeStore()
  if (decided) return null
  if (elderly && automatic) {
    return (
      <View className='mode-offer' {...a11y({ role: 'region', label: t('mode.autoOnLabel') })}>
        <Text className='mode-offer__text'>{t('mode.autoOn')}</Text>
        <View className='mode-offer__actions'>
          <Pressable className='mode-offer__yes' onPress={dismissOffer}>{t('mode.keep')}</Pressable>
          <Pressable className='mode-offer__no' onPress={() => setElderly(false)}>{t('mode.useStandard')}</Pressable>
        </View>
      </View>
    )
  }
  return (
    <View className='mode-offer' {...a11y({ role: 'region', label: t('mode.elderly') })}>
      <Text className='mode-offer__text'>{t('mode.offer')}</Text>
      <View className='mode-offer__actions'>
        <Pressable className='mode-offer__yes' onPress={() => setElderly(true)}>{t('mode.switchOn')}</Pressable>
        <Pressable className='mode-offer__no' onPress={dismissOffer}>{t('mode.noThanks')}</Pressable>
      </View>
    </View>
  )
}

import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { a11y } from './a11y'
import { useT } from '@/i18n/useT'
import type { PhoneLinkProps } from './phoneLinkProps'
import '@/i18n/general'

/** Mini-program: a tappable block that opens the system dialer. */
export default function PhoneLink({ phone, label, className, children }: PhoneLinkProps) {
  const t = useT()
  const call = () => {
    Taro.makePhoneCall({ phoneNumber: phone }).catch(() => {
      // The user closed the dialer prompt; nothing to do.
    })
  }
  return (
    <View className={className} onClick={call} {...a11y({ role: 'link', label: label ?? t('general.callPhone', { phone }) })}>
      {children}
    </View>
  )
}

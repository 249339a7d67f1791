import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { a11y } from './a11y'
import type { PhoneLinkProps } from './phoneLinkProps'

/** Mini-program: a tappable block that opens the system dialer. */
export default function PhoneLink({ phone, label, className, children }: PhoneLinkProps) {
  const call = () => {
    Taro.makePhoneCall({ phoneNumber: phone }).catch(() => {
      // The user closed the dialer prompt; nothing to do.
    })
  }
  return (
    <View className={className} onClick={call} {...a11y({ role: 'link', label: label ?? `拨打电话 ${phone}` })}>
      {children}
    </View>
  )
}

import { Button } from '@tarojs/components'
import { a11y } from './a11y'
import type { ShareButtonProps } from './shareProps'

/** Mini-program: WeChat's own share sheet; the page's useShareAppMessage says what the card shows. */
export default function ShareButton({ label, className, children }: ShareButtonProps) {
  return (
    <Button className={className} openType='share' {...a11y({ role: 'button', label })}>
      {children}
    </Button>
  )
}

import { Button } from '@nutui/nutui-react-taro'
import type { ReactNode } from 'react'
import { a11y } from '@/platform/a11y'

/** The UI kit's large button, announced as a button (Taro's H5 button is a plain element underneath). */
export default function ActionButton({ onPress, primary = true, children }: { onPress(): void; primary?: boolean; children: ReactNode }) {
  return (
    <Button type={primary ? 'primary' : 'default'} size='large' onClick={onPress} {...a11y({ role: 'button', onActivate: onPress })}>
      {children}
    </Button>
  )
}

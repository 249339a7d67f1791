import type { PhoneLinkProps } from './phoneLinkProps'
import { useT } from '@/i18n/useT'
import '@/i18n/general'

/** H5: a real tel: link, so it works with a keyboard, a screen reader and any browser's dialer hand-off. */
export default function PhoneLink({ phone, label, className, children }: PhoneLinkProps) {
  const t = useT()
  return (
    <a className={className} href={`tel:${phone.replace(/[^\d+]/g, '')}`} aria-label={label ?? t('general.callPhone', { phone })}>
      {children}
    </a>
  )
}

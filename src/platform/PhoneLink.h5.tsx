import type { PhoneLinkProps } from './phoneLinkProps'

/** H5: a real tel: link, so it works with a keyboard, a screen reader and any browser's dialer hand-off. */
export default function PhoneLink({ phone, label, className, children }: PhoneLinkProps) {
  return (
    <a className={className} href={`tel:${phone.replace(/[^\d+]/g, '')}`} aria-label={label ?? `拨打电话 ${phone}`}>
      {children}
    </a>
  )
}

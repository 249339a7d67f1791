import type { ReactNode } from 'react'

export interface PhoneLinkProps {
  phone: string
  /** Accessible name; defaults to "拨打电话 <number>". */
  label?: string
  className?: string
  children: ReactNode
}

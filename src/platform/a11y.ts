import type { A11y } from './a11yProps'

export type { A11y }

/** Mini-program: WeChat's aria-role / aria-label attributes, which Taro spells in camel case. */
export function a11y({ label, role, hidden, live, level, checked }: A11y): Record<string, unknown> {
  const props: Record<string, unknown> = {}
  if (label !== undefined) props.ariaLabel = label
  if (role !== undefined) props.ariaRole = role
  if (hidden) props.ariaHidden = true
  if (live) props.ariaLive = live
  if (level !== undefined) props.ariaLevel = level
  if (checked !== undefined) props.ariaChecked = checked
  return props
}

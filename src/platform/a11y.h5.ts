import type { A11y } from './a11yProps'

export type { A11y }

/** H5: plain ARIA attributes on the DOM element. */
export function a11y({ label, role, hidden, live, level }: A11y): Record<string, unknown> {
  const props: Record<string, unknown> = {}
  if (label !== undefined) props['aria-label'] = label
  if (role !== undefined) props.role = role
  if (hidden) props['aria-hidden'] = 'true'
  if (live) props['aria-live'] = live
  if (level !== undefined) props['aria-level'] = level
  if (role === 'button' || role === 'link' || role === 'checkbox') props.tabIndex = 0
  return props
}

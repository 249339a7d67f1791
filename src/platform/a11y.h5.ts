import type { A11y } from './a11yProps'

export type { A11y }

/** H5: plain ARIA attributes on the DOM element. */
export function a11y({ label, role, hidden, live, level, checked, onActivate }: A11y): Record<string, unknown> {
  const props: Record<string, unknown> = {}
  if (label !== undefined) props['aria-label'] = label
  if (role !== undefined) props.role = role
  if (hidden) props['aria-hidden'] = 'true'
  if (live) props['aria-live'] = live
  if (level !== undefined) props['aria-level'] = level
  if (checked !== undefined) props['aria-checked'] = checked ? 'true' : 'false'
  if (role === 'button' || role === 'link' || role === 'checkbox' || role === 'switch') props.tabIndex = 0
  if (onActivate) {
    props.onKeyDown = (event: { key: string; preventDefault(): void }) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault()
        onActivate()
      }
    }
  }
  return props
}

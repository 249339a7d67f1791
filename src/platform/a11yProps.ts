export interface A11y {
  /** Accessible name read out by screen readers (读屏). */
  label?: string
  role?: 'button' | 'link' | 'heading' | 'status' | 'alert' | 'search' | 'progressbar' | 'checkbox' | 'list' | 'listitem' | 'img' | 'region' | 'switch' | 'radio' | 'radiogroup'
  hidden?: boolean
  /** Announce changes of this element's text (live region). */
  live?: 'polite' | 'assertive'
  /** Heading level, with role heading. */
  level?: number
  /** State of a checkbox or switch. */
  checked?: boolean
  /** What Enter or Space does on an element acting as a button, link or checkbox (keyboards, switch access). */
  onActivate?: () => void
}

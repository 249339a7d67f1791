// Thin DOM stand-ins for Taro's components, close to what the H5 build renders.
import React, { forwardRef, type ReactNode } from 'react'

type Props = Record<string, unknown> & { children?: ReactNode; className?: string }

/** Props Taro understands that are not DOM attributes. */
const TARO_ONLY = ['hoverClass', 'hoverStartTime', 'hoverStayTime', 'catchMove', 'userSelect', 'decode', 'lazyLoad', 'mode', 'nativeProps']

function domProps(props: Props): Props {
  const out: Props = {}
  // Taro's camel-case ARIA props (ariaRole, ariaChecked…) are mini-program attributes, not DOM ones.
  for (const [key, value] of Object.entries(props)) if (!TARO_ONLY.includes(key) && !/^aria[A-Z]/.test(key)) out[key] = value
  return out
}

function element(tag: string) {
  const Component = forwardRef<HTMLElement, Props>((props, ref) => React.createElement(tag, { ...domProps(props), ref }))
  Component.displayName = tag
  return Component
}

export const View = element('div')
export const Text = element('span')
export const Label = element('label')
const SCROLL_VIEW_ONLY = ['scrollY', 'scrollX', 'lowerThreshold', 'upperThreshold', 'onScrollToLower', 'onScrollToUpper', 'scrollTop', 'scrollIntoView']

/** Like Taro's H5 ScrollView: a scrolling div whose onScroll reports `detail.scrollTop`. */
export const ScrollView = forwardRef<HTMLDivElement, Props>(({ children, onScroll, ...rest }, ref) => {
  const props = Object.fromEntries(Object.entries(domProps(rest)).filter(([key]) => !SCROLL_VIEW_ONLY.includes(key)))
  const handleScroll = (event: React.UIEvent<HTMLDivElement>) =>
    (onScroll as ((event: { detail: { scrollTop: number } }) => void) | undefined)?.({ detail: { scrollTop: event.currentTarget.scrollTop } })
  return (
    <div ref={ref} {...props} onScroll={handleScroll}>
      {children as ReactNode}
    </div>
  )
})
export const Block = ({ children }: Props) => <>{children}</>
export const Image = forwardRef<HTMLImageElement, Props>(({ src, ...rest }, ref) => (
  <img ref={ref} src={src as string} alt='' {...domProps(rest)} />
))

export const Button = forwardRef<HTMLButtonElement, Props>(({ children, formType, ...rest }, ref) => (
  <button ref={ref} type={formType === 'submit' ? 'submit' : 'button'} {...domProps(rest)}>
    {children as ReactNode}
  </button>
))

interface InputProps {
  value?: string
  placeholder?: string
  maxlength?: number
  focus?: boolean
  className?: string
  type?: string
  confirmType?: string
  password?: boolean
  onInput?(event: { detail: { value: string } }): void
  onConfirm?(event: { detail: { value: string } }): void
  [key: string]: unknown
}

export const Input = ({ value, placeholder, maxlength, focus, className, onInput, onConfirm, type, confirmType, password, ...rest }: InputProps) => (
  <input
    {...domProps(rest)}
    className={className}
    // Taro's H5 input becomes type=search when the keyboard's action is search.
    type={password ? 'password' : confirmType === 'search' ? 'search' : type === 'number' || type === 'digit' ? 'text' : (type as string) ?? 'text'}
    value={value ?? ''}
    placeholder={placeholder}
    maxLength={maxlength}
    autoFocus={focus}
    onChange={(event) => onInput?.({ detail: { value: event.target.value } })}
    onKeyDown={(event) => {
      if (event.key === 'Enter') onConfirm?.({ detail: { value: (event.target as HTMLInputElement).value } })
    }}
  />
)

export const Textarea = ({ value, placeholder, maxlength, className, onInput, ...rest }: InputProps) => (
  <textarea
    {...domProps(rest)}
    className={className}
    value={value ?? ''}
    placeholder={placeholder}
    maxLength={maxlength}
    onChange={(event) => onInput?.({ detail: { value: event.target.value } })}
  />
)

import type { ShareButtonProps } from './shareProps'

function absoluteUrl(path: string): string {
  return new URL(path, window.location.origin).toString()
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

/** H5: the system share sheet where the browser has one (phones), else the link is copied. */
export default function ShareButton({ title, path, label, className, onDone, children }: ShareButtonProps) {
  async function share() {
    const url = absoluteUrl(path)
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, text: title, url })
        onDone?.('shared')
        return
      } catch (error) {
        // Closing the sheet is a choice, not a failure.
        if ((error as Error)?.name === 'AbortError') return
      }
    }
    onDone?.((await copyText(`${title} ${url}`)) ? 'copied' : 'failed')
  }
  return (
    <button type='button' className={className} aria-label={label} onClick={() => void share()}>
      {children}
    </button>
  )
}

/**
 * Browsers: a page switched to another tab or a locked phone stays "shown" for the router, so the document's own
 * visibility is followed as well. Returns the function that stops listening.
 */
export function onDocumentVisibility(listener: (visible: boolean) => void): () => void {
  if (typeof document === 'undefined') return () => undefined
  const changed = () => listener(document.visibilityState !== 'hidden')
  document.addEventListener('visibilitychange', changed)
  return () => document.removeEventListener('visibilitychange', changed)
}

/**
 * Mini-program: leaving the app hides the page, and Taro's useDidHide/useDidShow already say so; nothing to add.
 * Returns the function that stops listening.
 */
export function onDocumentVisibility(_listener: (visible: boolean) => void): () => void {
  return () => undefined
}

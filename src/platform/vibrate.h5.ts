/** Browsers: the Vibration API where there is one (Android Chrome); iOS Safari has none, the banner still shows. */
export function vibrateLong(): void {
  if (typeof navigator !== 'undefined' && typeof navigator.vibrate === 'function') navigator.vibrate(400)
}

/** The height in px a page can use; a list that scrolls on its own never needs more rows than fill it. */
export function windowHeight(): number {
  return window.innerHeight || 640
}

/** A length of the 750-wide design in px on this screen (an estimate: H5 scales the design with the width). */
export function designToPx(value: number): number {
  return (value * Math.min(window.innerWidth || 375, 750)) / 750
}

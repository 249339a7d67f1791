// Browsers: `tel` brings up the number pad and stays a plain text box (type=number would add spin arrows, drop
// leading zeros and read as a "spin button" to screen readers); there is no ID-card keyboard.
export const keyboardFor = { digits: 'tel', idcard: 'text' } as const

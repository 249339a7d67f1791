/** Mini-program: its own keyboards (number pad; ID-card pad with an X key). */
export const keyboardFor = { digits: 'number', idcard: 'idcard' } as const

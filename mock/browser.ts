import { setupWorker } from 'msw/browser'
import { handlers } from './handlers'

/** H5 development without a server: `BANSHI_MOCK=1 npm run dev:h5`. */
export const worker = setupWorker(...handlers)

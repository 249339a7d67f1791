import { catalogHandlers } from './catalog'
import { accountHandlers } from './accounts'

/** Happy-path handlers per area; tests add their error cases with server.use(). */
export const handlers = [...catalogHandlers, ...accountHandlers]

import { catalogHandlers } from './catalog'

/** Happy-path handlers per area; tests add their error cases with server.use(). */
export const handlers = [...catalogHandlers]

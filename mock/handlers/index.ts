import { catalogHandlers } from './catalog'
import { accountHandlers } from './accounts'
import { applicationHandlers } from './applications'
import { appointmentHandlers } from './appointments'

/** Happy-path handlers per area; tests add their error cases with server.use(). */
// Appointments come first: their GET /halls?item= answers before the catalog's list of every hall.
export const handlers = [...appointmentHandlers, ...catalogHandlers, ...accountHandlers, ...applicationHandlers]

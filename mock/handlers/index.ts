import { catalogHandlers } from './catalog'
import { accountHandlers } from './accounts'
import { applicationHandlers } from './applications'
import { gridHandlers } from './grid'
import { queueHandlers } from './queue'
import { appointmentHandlers } from './appointments'
import { notificationHandlers } from './notifications'

/** Happy-path handlers per area; tests add their error cases with server.use(). */
export const handlers = [...catalogHandlers, ...accountHandlers, ...applicationHandlers, ...queueHandlers, ...appointmentHandlers, ...gridHandlers, ...notificationHandlers]

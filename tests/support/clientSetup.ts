import '@testing-library/jest-dom'
import { cleanup } from '@testing-library/react'
import { server } from '../../mock/node'
import { resetTaro } from './taro'
import { resetStores } from './stores'
import { resetMockAccounts } from '../../mock/handlers/accounts'
import { resetMockApplications } from '../../mock/handlers/applications'
import { resetMockGrid } from '../../mock/handlers/grid'
import { resetMockQueue } from '../../mock/handlers/queueState'
import { resetMockLive } from '../../mock/handlers/queue'
import { resetMockAppointments } from '../../mock/handlers/appointments'
import { resetMockNotifications } from '../../mock/handlers/notifications'
import { forgetNotificationConfig } from '@/api/notifications'

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  cleanup()
  server.resetHandlers()
  resetTaro()
  resetStores()
  resetMockAccounts()
  resetMockApplications()
  resetMockGrid()
  resetMockQueue()
  resetMockLive()
  resetMockAppointments()
  resetMockNotifications()
  forgetNotificationConfig()
})
afterAll(() => server.close())

// The REST contract (../shared/API.md) as schemas: the server validates and documents with them, the client and
// the msw fixtures take their types from them. Client code imports types only, so no schema code ships to phones.
export * from './common'
export * from './catalog'
export * from './halls'
export * from './health'
export * from './auth'
export * from '../roles'
export * from '../limits'
export * from './applications'
export * from './queue'
export * from './appointments'
export * from './grid'
export * from './notifications'

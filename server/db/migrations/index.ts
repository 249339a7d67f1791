import type { Migration } from 'kysely'
import * as catalog from './2026-11-25T0000-catalog'
import * as accounts from './2026-11-25T0100-accounts'
import * as catalogRevision from './2026-11-26T0000-catalog-revision'
import * as idempotency from './2026-11-27T0000-idempotency'
import * as dropSearchColumns from './2026-11-27T0100-drop-search-columns'
import * as applications from './2026-11-28T0700-applications'
import * as queue from './2026-11-29T0000-queue'
import * as appointments from './2026-11-29T0100-appointments'
import * as residents from './2026-11-29T0200-residents'
import * as notifications from './2026-12-02T0000-notifications'
import * as applicationClientKey from './2026-12-02T0100-application-client-key'

// Listed in code rather than read from a folder, so the same list works under tsx, jest and a bundler.
export const migrations: Record<string, Migration> = {
  '2026-11-25T0000-catalog': catalog,
  '2026-11-25T0100-accounts': accounts,
  '2026-11-26T0000-catalog-revision': catalogRevision,
  '2026-11-27T0000-idempotency': idempotency,
  '2026-11-27T0100-drop-search-columns': dropSearchColumns,
  '2026-11-28T0700-applications': applications,
  '2026-11-29T0000-queue': queue,
  '2026-11-29T0100-appointments': appointments,
  '2026-11-29T0200-residents': residents,
  '2026-12-02T0000-notifications': notifications,
  '2026-12-02T0100-application-client-key': applicationClientKey,
}

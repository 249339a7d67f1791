// The one place a node's reminders start: the channels branch supplies the channels, the words and the recipients;
// this hands them to an outbox worker.
import type { Kysely } from 'kysely'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import { OutboxWorker, type OutboxWorkerDeps, type OutboxWorkerOptions, type WorkerLog } from './worker'

/** What sending needs besides the database and the clock. */
export type NotificationParts = Pick<OutboxWorkerDeps, 'channels' | 'render' | 'recipientOf'> & { worker?: OutboxWorkerOptions }

/**
 * Starts this node's outbox worker. Without any channel nothing is started: the rows wait in the outbox (a node
 * with channels sends them) instead of being dropped as unreachable.
 */
export function startNotifications(deps: { db: Kysely<Database>; clock: Clock; log: WorkerLog } & NotificationParts): OutboxWorker | null {
  const { worker: options, ...parts } = deps
  if (parts.channels.length === 0) {
    deps.log.warn({}, 'no notification channel configured: reminders stay in the outbox')
    return null
  }
  const worker = new OutboxWorker(parts, options)
  worker.start()
  deps.log.info({ worker: worker.id, channels: parts.channels.map((c) => c.name) }, 'notification worker started')
  return worker
}

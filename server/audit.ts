import type { Kysely } from 'kysely'
import type { Database } from './db/schema'
import type { Principal } from './http/access'
import { newId } from './modules/auth/repo'

export interface AuditEvent {
  actor: Principal
  /** What was done, e.g. `citizen.read`; never the data itself. */
  action: string
  subjectId: string | null
  ip: string | null
  /** How (e.g. "lookup by phone"); must not contain personal data. */
  detail?: string
}

/** One row per staff read or change of a citizen's data: who, what, when, from where (PIPL accountability). */
export async function recordAudit(db: Kysely<Database>, now: Date, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return
  await db
    .insertInto('audit_log')
    .values(
      events.map((event) => ({
        id: newId(),
        at: now.toISOString(),
        actor_id: event.actor.userId,
        actor_role: event.actor.role,
        action: event.action,
        subject_id: event.subjectId,
        ip: event.ip,
        detail: event.detail ?? null,
      })),
    )
    .execute()
}

import type { Kysely } from 'kysely'
import type { AuditPage, AuditQuery } from '../src/domain/contract'
import type { Role } from '../src/domain/roles'
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

/** A page of the audit log, newest first, optionally for one actor or one subject. */
export async function auditPage(db: Kysely<Database>, query: AuditQuery): Promise<AuditPage> {
  const { actor, subject, limit, offset } = query
  const filtered = db
    .selectFrom('audit_log')
    .$if(actor !== undefined, (q) => q.where('audit_log.actor_id', '=', actor!))
    .$if(subject !== undefined, (q) => q.where('audit_log.subject_id', '=', subject!))
  const [count, rows] = await Promise.all([
    filtered.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow(),
    filtered
      .leftJoin('users', 'users.id', 'audit_log.actor_id')
      .selectAll('audit_log')
      .select(['users.name as actor_name', 'users.username as actor_username'])
      .orderBy('audit_log.at', 'desc')
      .orderBy('audit_log.id')
      .limit(limit)
      .offset(offset)
      .execute(),
  ])
  return {
    total: Number(count.total),
    entries: rows.map((row) => ({
      id: row.id,
      at: row.at,
      actorId: row.actor_id,
      actorRole: row.actor_role as Role,
      actorName: row.actor_name ?? row.actor_username ?? null,
      action: row.action,
      subjectId: row.subject_id,
      ip: row.ip,
      detail: row.detail,
    })),
  }
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AuditPageSchema, AuditQuerySchema, type AuditPage } from '../../../src/domain/contract'
import type { Role } from '../../../src/domain/roles'
import { errorResponses } from '../../http/schemas'

export const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/audit',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: 'Who read or changed whose personal data, newest first',
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request): Promise<AuditPage> => {
      const { actor, subject, limit, offset } = request.query
      const filtered = app.db
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
    },
  )
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AuditPageSchema, AuditQuerySchema, type AuditPage } from '../../../src/domain/contract'
import { auditPage } from '../../audit'
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
    async (request): Promise<AuditPage> => auditPage(app.db, request.query),
  )
}

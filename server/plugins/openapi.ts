import type { FastifyInstance } from 'fastify'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'

/** Must be registered before the routes it documents. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Banshi (办事通) API',
        version: '1',
        description:
          'REST contract of the Banshi citizen app: service guides, halls, queues, appointments and progress. ' +
          'Errors are `{"error": {"code", "message", "details"}}`; messages are zh-CN, or English with ' +
          '`Accept-Language: en`.',
      },
      servers: [{ url: '/' }],
      tags: [
        { name: 'catalog', description: '办事指南: service items and their guides' },
        { name: 'halls', description: '服务大厅: halls, hours, queue categories' },
        { name: 'health', description: 'Liveness and readiness' },
        { name: 'auth', description: '登录: WeChat, phone + SMS code, staff password; token refresh and sign-out' },
        { name: 'me', description: '我的: profile, signed-in devices, closing the account' },
        { name: 'staff', description: 'Window staff: citizen lookup (audited)' },
        { name: 'appointments', description: '网上预约: slots, bookings, check-in, waitlist' },
        { name: 'admin', description: 'Administrators: audit log' },
      ],
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
  })
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
    staticCSP: true,
  })
}

export function openApiRoute(app: FastifyInstance): void {
  app.get('/api/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger())
}

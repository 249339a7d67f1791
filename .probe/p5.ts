import Fastify from 'fastify'
import { Type } from '@sinclair/typebox'
async function main() {
  const app = Fastify({ ajv: { customOptions: { coerceTypes: 'array', removeAdditional: true, allErrors: true, strictNumbers: false } } })
  app.get('/x', { schema: { querystring: Type.Object({ lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })), limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) }) } }, (req) => ({ q: String((req.query as any).lat), t: typeof (req.query as any).lat, l: String((req.query as any).limit) }))
  for (const u of ['/x?lat=1e400', '/x?limit=1e400', '/x?lat=1e5', '/x?lat=Infinity', '/x?lat=-1e400&limit=5', '/x?lat=22.5&limit=5', '/x?lat=NaN'])
  { const r = await app.inject(u); console.log(u, r.statusCode, r.body) }
}
main()

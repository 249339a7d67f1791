import type { FastifyInstance } from 'fastify'
import type { Session } from '@/domain/contract'
import { ensureDemoAccounts } from '../../../server/seed/demoAccounts'

/** Bearer header for a session. */
export const bearer = (session: Session) => ({ authorization: `Bearer ${session.accessToken}` })

/** Signs in through POST /auth/dev (the app must be built with devLogin). */
export async function devSignIn(app: FastifyInstance, who: { phone: string } | { username: string }): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/dev', payload: who })
  if (res.statusCode !== 200) throw new Error(`dev sign-in failed: ${res.statusCode} ${res.body}`)
  return res.json()
}

/** One signed-in session per role the matrix knows (staff are the demo accounts). */
export async function signInEveryRole(app: FastifyInstance) {
  await ensureDemoAccounts(app.db, app.clock.now())
  const [citizenA, citizenB, grid1, grid2, window1, admin] = await Promise.all([
    devSignIn(app, { phone: '13800000001' }),
    devSignIn(app, { phone: '13800000002' }),
    devSignIn(app, { username: 'grid1' }),
    devSignIn(app, { username: 'grid2' }),
    devSignIn(app, { username: 'window1' }),
    devSignIn(app, { username: 'admin' }),
  ])
  return { citizenA, citizenB, grid1, grid2, window1, admin }
}
